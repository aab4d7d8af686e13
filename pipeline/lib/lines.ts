/** What stands between the cells of a table row kept as one line (HTML data rows, GFM table rows): 序号 | 重点任务 | 责任单位. */
export const CELL_SEPARATOR = ' | ';

/** A line of a text with its UTF-16 offsets (end excludes the \n). */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/** Every line of the text, blank ones included, with offsets. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}

/** A table cell merged from the row above (rowspan), written in the rows it covers: the ditto mark 〃 ("as above"). */
export const SPANNED_CELL = '〃';

/** A name written over several lines as one (an organ whose branch signs on the line below it): the line breaks go, with the blanks around them. */
export function joinLines(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}
