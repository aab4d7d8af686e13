/**
 * Minimal PDFs built byte by byte, for the tests (bad files, layout) and the
 * benchmark (a 500-page PDF): a valid cross-reference table, so a reader
 * fails for the reason a test names and not for a broken file.
 */
export function buildPdf(objects: string[]): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(body, 'latin1');
}

function trailer(pdf: Buffer, size: number, extra = ''): Buffer {
  return Buffer.concat([pdf, Buffer.from(`trailer\n<< /Size ${size} /Root 1 0 R ${extra}>>\nstartxref\n${pdf.toString('latin1').lastIndexOf('xref\n')}\n%%EOF\n`, 'latin1')]);
}

/** One page of Chinese text through a predefined CJK CMap (no embedded font): each line [x, y, size, text]. */
export function textPdf(pages: [number, number, number, string][][]): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: string[] = [];
  const font = 3;
  objects.push('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  objects.push('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor 5 0 R >>');
  objects.push('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>');
  for (const lines of pages) {
    const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    const stream = lines.map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td <${hex(text)}> Tj ET`).join('\n');
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return trailer(buildPdf(objects), objects.length + 1);
}

/** A PDF with no pages. */
export function emptyPdf(): Buffer {
  return trailer(buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']), 3);
}

/** A PDF whose standard security handler wants a password the test does not give. */
export function encryptedPdf(): Buffer {
  const page = textPdf([[[72, 700, 16, '通知']]]);
  const body = page.toString('latin1').replace(/trailer[\s\S]*$/, '');
  const objects = body.match(/\d+ 0 obj\n[\s\S]*?\nendobj\n/g)!.map((o) => o.replace(/^\d+ 0 obj\n/, '').replace(/\nendobj\n$/, ''));
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`);
  return trailer(buildPdf(objects), objects.length + 1, `/Encrypt ${objects.length} 0 R /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>] `);
}
