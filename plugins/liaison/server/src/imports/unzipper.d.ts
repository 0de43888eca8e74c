/** The part of unzipper the import uses: a zip's central directory, read from a source of our own, and one entry's stream. */
declare module 'unzipper' {
  import type { Readable } from 'stream';
  export interface Entry {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(password?: string): Readable;
  }
  interface Directory {
    files: Entry[];
  }
  interface Source {
    stream(offset: number, length?: number): Readable;
    size(): Promise<number>;
  }
  const unzipper: { Open: { custom(source: Source): Promise<Directory> } };
  export default unzipper;
}
