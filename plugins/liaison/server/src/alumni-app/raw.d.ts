// The page's files are imported as text (`?raw`): the plugin's build (Vite) inlines them into dist.
declare module '*?raw' {
  const text: string;
  export default text;
}
