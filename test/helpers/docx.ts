/**
 * A minimal DOCX built here for the tests (no writer in the dependencies):
 * paragraphs and tables in word/document.xml, zipped uncompressed (STORED)
 * with the checksums Node's zlib gives.
 */
import { crc32 } from 'node:zlib';

/** A zip archive of the given files, stored without compression. */
export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

/** A block of a DOCX's body: a paragraph (a string), a table (rows of cells), or raw WordprocessingML (a numbered paragraph, a merged cell). */
export type DocxBlock = string | string[][] | { xml: string };

/** Parts besides the body: numbering, styles, a header and footer, footnotes (each the part's inner XML, its root element included). */
export interface DocxParts {
  numbering?: string;
  styles?: string;
  header?: string;
  footer?: string;
  footnotes?: string;
}

/** A DOCX of paragraphs (strings), tables (rows of cells) and raw XML blocks, with the parts given (linked from the document). */
export function buildDocx(blocks: DocxBlock[], parts: DocxParts = {}): Buffer {
  const body = blocks
    .map((b) =>
      typeof b === 'string'
        ? paragraph(b)
        : Array.isArray(b)
          ? `<w:tbl>${b.map((row) => `<w:tr>${row.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
          : b.xml,
    )
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const kinds: [keyof DocxParts, string, string, string][] = [
    ['numbering', 'numbering.xml', 'numbering', `${CT}.numbering+xml`],
    ['styles', 'styles.xml', 'styles', `${CT}.styles+xml`],
    ['header', 'header1.xml', 'header', `${CT}.header+xml`],
    ['footer', 'footer1.xml', 'footer', `${CT}.footer+xml`],
    ['footnotes', 'footnotes.xml', 'footnotes', `${CT}.footnotes+xml`],
  ];
  const present = kinds.filter(([k]) => parts[k] !== undefined);
  const sect =
    parts.header !== undefined || parts.footer !== undefined
      ? `<w:sectPr>${parts.header !== undefined ? '<w:headerReference w:type="default" r:id="rIdheader"/>' : ''}${parts.footer !== undefined ? '<w:footerReference w:type="default" r:id="rIdfooter"/>' : ''}</w:sectPr>`
      : '';
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>` +
      present.map(([, name, , type]) => `<Override PartName="/word/${name}" ContentType="${type}"/>`).join('') +
      '</Types>',
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OD}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${sect}</w:body></w:document>`,
  };
  if (present.length > 0) {
    files['word/_rels/document.xml.rels'] =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      present.map(([, name, rel]) => `<Relationship Id="rId${rel}" Type="${OD}/${rel}" Target="${name}"/>`).join('') +
      '</Relationships>';
    for (const [k, name] of present) files[`word/${name}`] = `<?xml version="1.0" encoding="UTF-8"?>${parts[k]!.replace(/^<(w:\w+)/, `<$1 xmlns:w="${W}" xmlns:r="${R}"`)}`;
  }
  return storedZip(files);
}
