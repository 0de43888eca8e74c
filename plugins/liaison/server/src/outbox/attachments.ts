import QRCode from 'qrcode';
import type { MailAttachment } from './types';

/** An attachment as nodemailer takes it: a QR code to draw is drawn now (PNG, base64). */
export const renderAttachment = async ({ render, ...file }: MailAttachment) => {
  if (render !== 'qr-png') return file;
  const png = await QRCode.toBuffer(file.content, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  return { ...file, content: png.toString('base64'), encoding: 'base64' as const };
};
