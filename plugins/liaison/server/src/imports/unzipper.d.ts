/** The part of unzipper (exceljs' own zip reader) the import uses: a zip's directory and one entry's stream. */
declare module 'unzipper' {
  import type { Readable } from 'stream';
  interface Entry {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(password?: string): Readable;
  }
  interface Directory {
    files: Entry[];
  }
  const unzipper: { Open: { file(path: string): Promise<Directory> } };
  export default unzipper;
}
