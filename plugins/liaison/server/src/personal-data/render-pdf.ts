import fs from 'fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { ReadableDocument } from './document';

/**
 * The export as a PDF (pdfkit), drawn from the same readable document as the HTML page.
 * Chinese needs a CJK font on the server: LIAISON_PDF_FONT (the plugin's `pdfFont`) names
 * a TrueType/OpenType file or collection (`path.ttc#PostScriptName` picks one font of a
 * collection); without it the usual places of Debian, Ubuntu, RHEL, macOS and Windows are
 * tried. pdfkit embeds only the glyphs used. A document that no font found can write is
 * refused (the controller answers 501 naming LIAISON_PDF_FONT), never drawn as empty boxes.
 */
export const DEFAULT_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
];

export class NoFontError extends Error {
  constructor(readonly tried: string[]) {
    super(`no font for this text (tried: ${tried.join(', ') || 'none'})`);
  }
}

interface Font {
  path: string;
  /** The PostScript name of the font in a collection (pdfkit's "family"). */
  name?: string;
  has: (codePoint: number) => boolean;
}

const fonts = new Map<string, Font | null>();

/** A font file (or one font of a collection) as pdfkit will embed it, or null when it cannot be read. */
export const openFont = (spec: string): Font | null => {
  if (fonts.has(spec)) return fonts.get(spec)!;
  const [path, wanted] = spec.split('#');
  let font: Font | null = null;
  try {
    if (fs.existsSync(path)) {
      const opened: any = fontkit.openSync(path);
      const members: any[] = opened.fonts ?? [opened];
      const chosen =
        (wanted && members.find((f) => f.postscriptName === wanted)) ||
        (!wanted && (members.find((f) => /sc\b|SC-|CJKsc|Hans/i.test(f.postscriptName ?? '')) ?? members[0])) ||
        null;
      if (chosen) font = { path, name: opened.fonts ? chosen.postscriptName : undefined, has: (cp) => chosen.hasGlyphForCodePoint(cp) };
    }
  } catch {
    font = null;
  }
  fonts.set(spec, font);
  return font;
};

/** Characters pdfkit's built-in Helvetica writes (WinAnsi): enough for a document without Chinese. */
const winAnsi = (cp: number) => cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(String.fromCodePoint(cp));

const codePoints = (doc: ReadableDocument) => {
  const all = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) all.add(ch.codePointAt(0)!);
  };
  add(doc.title);
  add(doc.intro);
  for (const s of doc.sections) {
    add(s.heading);
    if (s.kind === 'fields') s.rows.forEach(([k, v]) => (add(k), add(v)));
    else (s.columns.forEach(add), s.rows.forEach((r) => r.forEach(add)), add(s.empty));
  }
  return all;
};

/** The font to write this document with: the configured one, else the first usual one that has every character, else Helvetica if it can. */
export const chooseFont = (doc: ReadableDocument, configured?: string | null): Font | 'Helvetica' => {
  const needed = [...codePoints(doc)].filter((cp) => cp > 0x20 && !/\s/.test(String.fromCodePoint(cp)));
  const candidates = configured ? [configured] : DEFAULT_FONT_PATHS;
  for (const spec of candidates) {
    const font = openFont(spec);
    // Punctuation a CJK font may lack is drawn by its fallback glyph; the letters must all be there.
    if (font && needed.every((cp) => font.has(cp) || cp < 0x3000)) return font;
  }
  if (needed.every(winAnsi)) return 'Helvetica';
  throw new NoFontError(candidates);
};

/** The PDF bytes of the document. */
export const renderPdf = (doc: ReadableDocument, configuredFont?: string | null): Promise<Buffer> => {
  const font = chooseFont(doc, configuredFont);
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: doc.title, Producer: 'Liaison', Creator: 'Liaison' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      if (font === 'Helvetica') pdf.font('Helvetica');
      else {
        pdf.registerFont('body', font.path, font.name);
        pdf.font('body');
      }
      const width = pdf.page.width - 100;
      const grey = '#666687';
      const ink = '#212134';
      pdf.fillColor(ink).fontSize(18).text(doc.title, { width });
      pdf.moveDown(0.3).fontSize(9).fillColor(grey).text(doc.intro, { width });
      for (const section of doc.sections) {
        pdf.moveDown(1).fontSize(13).fillColor(ink).text(section.heading, { width });
        pdf.moveDown(0.2);
        if (section.kind === 'fields') {
          for (const [label, value] of section.rows) {
            pdf.fontSize(9).fillColor(grey).text(`${label}: `, { continued: true, width }).fillColor(ink).text(value);
          }
          continue;
        }
        if (!section.rows.length) {
          pdf.fontSize(9).fillColor(grey).text(section.empty, { width });
          continue;
        }
        for (const row of section.rows) {
          pdf.moveDown(0.3).fontSize(10).fillColor(ink).text(row[0], { width });
          const rest = row
            .slice(1)
            .map((v, i) => `${section.columns[i + 1]}: ${v}`)
            .join('   ');
          if (rest) pdf.fontSize(9).fillColor(grey).text(rest, { width, indent: 10 });
        }
      }
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
};
