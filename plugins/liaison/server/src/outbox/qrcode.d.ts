/** qrcode 1.5 ships no types: what the confirmation mail uses of it. */
declare module 'qrcode' {
  interface Options {
    type?: 'png';
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    margin?: number;
    scale?: number;
  }
  const QRCode: { toBuffer(text: string, options?: Options): Promise<Buffer> };
  export default QRCode;
}
