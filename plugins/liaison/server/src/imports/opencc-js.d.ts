/** The traditional → simplified build of opencc-js (its types cover the package root only for this project's module resolution). */
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
