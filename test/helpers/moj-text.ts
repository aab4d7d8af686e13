/**
 * A law of the Ministry of Justice's database (../shared/corpus/laws/moj, JSON) as the
 * plain text a user would paste: its name, its history, then each chapter heading and
 * each article (number, then its text) on their own lines.
 */
export interface MojLaw {
  法規名稱: string;
  沿革內容?: string;
  法規內容?: ({ 編章節: string } | { 條號: string; 條文內容: string })[];
}

export function mojText(law: MojLaw): string {
  const body = (law.法規內容 ?? []).map((a) => ('編章節' in a ? a.編章節 : `${a.條號}\n${a.條文內容}`));
  return [law.法規名稱, law.沿革內容 ?? '', ...body].join('\n');
}
