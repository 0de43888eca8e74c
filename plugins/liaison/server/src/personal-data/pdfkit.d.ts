/**
 * pdfkit 0.20 ships no types and names its files only in `exports` (which this project's
 * `moduleResolution: Node` does not read): what the PDF export uses of it.
 */
declare module 'pdfkit' {
  interface TextOptions {
    width?: number;
    continued?: boolean;
    indent?: number;
  }
  class PDFDocument {
    constructor(options?: { size?: string; margin?: number; info?: Record<string, string> });
    page: { width: number; height: number };
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    registerFont(name: string, src: string | Buffer, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    moveDown(lines?: number): this;
    end(): void;
  }
  export default PDFDocument;
}
