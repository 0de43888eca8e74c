/** qrcode 1.5 ships no types: what the confirmation mail uses of it. */
declare module 'qrcode' {
  interface Options {
    type?: 'png' | 'svg';
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    margin?: number;
    scale?: number;
  }
  const QRCode: { toBuffer(text: string, options?: Options): Promise<Buffer>; toString(text: string, options?: Options): Promise<string> };
  export default QRCode;
}
