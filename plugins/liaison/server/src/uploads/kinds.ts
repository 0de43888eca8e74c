/**
 * The kinds of file the media library accepts, and how each is recognised: by its
 * extension, the type the client declares, and the first bytes of its content. Nothing a
 * browser would run as a page or a script (HTML, SVG, XML, JavaScript) is among them.
 */
const startsWith = (head: Buffer, signature: string | number[], offset = 0) => {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return head.length >= offset + bytes.length && head.subarray(offset, offset + bytes.length).equals(bytes);
};

/** An ISO media file (AVIF) names its brands in its first box: `ftyp`, major brand, version, compatible brands. */
const hasAvifBrand = (head: Buffer) => {
  if (!startsWith(head, 'ftyp', 4)) return false;
  const end = Math.min(head.readUInt32BE(0), head.length);
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    if (['avif', 'avis'].includes(head.toString('latin1', at, at + 4))) return true;
  }
  return false;
};

const isRasterImage = (head: Buffer) =>
  startsWith(head, [0xff, 0xd8, 0xff]) || // JPEG
  startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
  startsWith(head, 'GIF87a') ||
  startsWith(head, 'GIF89a') ||
  (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) ||
  hasAvifBrand(head);

/** Text: no NUL byte, and not the start of a page or of XML (a browser told to sniff would render it). */
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|xsl)\b/i;
const isPlainText = (head: Buffer) => !head.includes(0) && !MARKUP.test(head.toString('utf8').replace(/^\uFEFF/, ''));

export interface Kind {
  extensions: string[];
  /** Its types, as Strapi's own check knows them (config/plugins.ts). */
  types: string[];
  /** Other types clients declare for it. */
  aliases?: string[];
  /** Whether the first bytes of a file are of this kind. */
  content: (head: Buffer) => boolean;
  /** Shown in the browser (images); every other kind is served as a download. */
  inline?: boolean;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

export const KINDS: Kind[] = [
  {
    // A photo saved under another image extension is common and harmless: any of these contents for any of these names.
    extensions: ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'],
    types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'],
    aliases: ['image/jpg', 'image/pjpeg', 'image/x-png'],
    content: isRasterImage,
    inline: true,
  },
  { extensions: ['.pdf'], types: ['application/pdf'], aliases: ['application/x-pdf'], content: (head) => startsWith(head, '%PDF-') },
  {
    extensions: ['.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'],
    types: [
      `${OOXML}.wordprocessingml.document`,
      `${OOXML}.spreadsheetml.sheet`,
      `${OOXML}.presentationml.presentation`,
      `${ODF}.text`,
      `${ODF}.spreadsheet`,
      `${ODF}.presentation`,
    ],
    aliases: ['application/zip', 'application/x-zip-compressed'],
    content: (head) => startsWith(head, 'PK\x03\x04'),
  },
  {
    // Word, Excel and PowerPoint 97–2003 files are OLE compound files, which is all file-type (Strapi's check) sees.
    extensions: ['.doc', '.xls', '.ppt'],
    types: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/x-cfb'],
    content: (head) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  {
    // Windows declares .csv as an Excel file.
    extensions: ['.csv', '.txt'],
    types: ['text/csv', 'text/plain'],
    aliases: ['application/csv', 'text/x-csv', 'application/vnd.ms-excel'],
    content: isPlainText,
  },
];

export const kindOf = (extension: string) => KINDS.find((k) => k.extensions.includes(extension.toLowerCase()));

/** Images are shown where they are linked; anything else is downloaded. */
export const isInline = (extension: string) => !!kindOf(extension)?.inline;

/** A type that says nothing about the content: the kind is then told by extension and content alone. */
export const isGenericType = (type: string) => !type || type === 'application/octet-stream';

/** For Strapi's own check (config/plugins.ts, upload.security): the types the kinds are stored as. */
export const ALLOWED_UPLOAD_TYPES = KINDS.flatMap((k) => k.types);

/** Whether a client may declare this type for a file of this kind. */
export const mayDeclare = (kind: Kind, type: string) => isGenericType(type) || kind.types.includes(type) || !!kind.aliases?.includes(type);

/** Types a browser runs as a page or a script: refused even when declared or implied by the extension only. */
export const DENIED_UPLOAD_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/xsl',
];
