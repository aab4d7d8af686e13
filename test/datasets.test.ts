/**
 * The batch's datasets as an analyst loads them: every table written as CSV and
 * Parquet is read back (Parquet with hyparquet, the reader of the library that wrote it, both with DuckDB)
 * and its column types and row counts checked; roles lead/support/joint; dates
 * that no calendar has; one JSON type per field; the slim dataset record.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { datasetRecord } from '../pipeline/lib/dataset-records.js';
import { TABLE_NAMES, TABLES, type ColumnType } from '../pipeline/lib/datasets.js';
import { isCalendarDate } from '../pipeline/lib/gbt9704.js';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { validateDocument } from '../pipeline/validate.js';
import { ROOT, SHARED } from './helpers/paths.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));

/** A notice whose notes are one joint list, one lead with support, and whose date line names 2月31日. */
const JOINT = [
  '某某市人民政府办公室关于推进数据要素市场建设的通知',
  '各区县政府，市级有关部门：',
  '一、重点任务',
  '（一）建设平台。建成算力中心（市发改委、市经信局负责）。',
  '（二）培育市场。完善交易规则（牵头单位：市数据局；配合单位：市财政局、市市场监管局）。',
  '某某市人民政府办公室',
  '2024年2月31日',
].join('\n');

/** The same notice dated on a leap day. */
const LEAP = JOINT.replace('2024年2月31日', '2024年2月29日').replace('数据要素市场', '数据要素流通');

/** A column's type as the Parquet schema declares it: physical type, logical type, and for a list its element's. */
const parquetType: Record<ColumnType, string> = { string: 'BYTE_ARRAY/STRING', int: 'INT32', float: 'DOUBLE', bool: 'BOOLEAN', date: 'INT32/DATE', strings: 'LIST<BYTE_ARRAY/STRING>' };
const duckType: Record<ColumnType, string> = { string: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE', bool: 'BOOLEAN', date: 'DATE', strings: 'VARCHAR[]' };

describe('calendar dates', () => {
  it('are days of the Gregorian calendar', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-12-31', '2024-04-30', '1949-10-01']) expect(isCalendarDate(d), d).toBe(true);
    for (const d of ['2024-02-31', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01']) expect(isCalendarDate(d), d).toBe(false);
  });

  it('are what the schema accepts: an impossible date fails validation (format date), not only a wrong shape', () => {
    const doc = processDocument({ file: 'leap.txt', bytes: Buffer.from(LEAP) }).document!;
    expect(doc.document.date).toBe('2024-02-29');
    expect(validateDocument(doc).valid).toBe(true);
    for (const bad of ['2024-02-31', '2023-02-29', '2024-06-31']) {
      const check = validateDocument({ ...doc, document: { ...doc.document, date: bad } });
      expect(check.valid, bad).toBe(false);
      expect(check.errors.join(' ')).toContain('/document/date');
    }
  });

  it('a date line naming 2月31日 keeps its place as the date part, the record says null and a warning says why', () => {
    const result = processDocument({ file: 'joint.txt', bytes: Buffer.from(JOINT) });
    const doc = result.document!;
    expect(doc.document.date).toBeNull();
    expect(doc.document.issuer?.['zh-Hans']).toBe('某某市人民政府办公室');
    expect(doc.parts.map((p) => p.type)).toContain('date');
    const d = doc.diagnostics.find((x) => x.code === 'segment:impossible-date');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('2024-02-31');
    // a deadline still takes the year of the date line
    expect(validateDocument(doc).valid).toBe(true);
  });
});

describe("a news wrapper's publication date", () => {
  const SAMPLE = readFileSync(join(ROOT, 'input', 'chengdu-future-industries-2024.txt'), 'utf8');
  /** A Simplified page as a site prints it: site, headline, 来源 line with the date, 附全文, the notice. */
  const WRAPPED = (date: string) => `某某市人民政府网\n市政府印发关于做好数字经济工作的通知\n来源：市政府办公室 ${date} 阅读：120\n附全文：\n${JOINT.replace('2024年2月31日', '2024年3月1日')}\n`;

  it('is a day of the calendar, as document.date: an impossible one is null with a warning at its place, the document valid', () => {
    // the sample's wrapper (Traditional, 來源:成都市人民政府網 2024-05-10), read by hand
    const doc = processDocument({ file: 'sample.txt', bytes: Buffer.from(SAMPLE) }).document!;
    expect(doc.publication?.publishedAt).toBe('2024-05-10');
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('clean:impossible-date');
    for (const [written, iso] of [['2024-02-30', null], ['2023/2/29', null], ['2024-02-29', '2024-02-29']] as const) {
      const raw = SAMPLE.replace('2024-05-10', written);
      const result = processDocument({ file: 'sample.txt', bytes: Buffer.from(raw) });
      expect(result.ok, written).toBe(true);
      expect(result.document!.publication?.publishedAt, written).toBe(iso);
      const warned = result.document!.diagnostics.filter((d) => d.code === 'clean:impossible-date');
      expect(warned.length, written).toBe(iso === null ? 1 : 0);
      if (iso === null) {
        expect(warned[0]!.severity).toBe('warning');
        // its place is the date as written in the input
        expect([...raw].slice(warned[0]!.rawSpan!.start, warned[0]!.rawSpan!.end).join('')).toBe(written);
      }
      expect(validateDocument(result.document!).valid, written).toBe(true);
    }
    // a Simplified wrapper with a date written in 年月日; the notice's own date is untouched
    const simplified = processDocument({ file: 'page.txt', bytes: Buffer.from(WRAPPED('2023年2月29日')) }).document!;
    expect(simplified.publication?.headline?.['zh-Hans']).toBe('市政府印发关于做好数字经济工作的通知');
    expect(simplified.publication?.publishedAt).toBeNull();
    expect(simplified.document.date).toBe('2024-03-01');
    expect(simplified.diagnostics.filter((d) => d.code === 'clean:impossible-date').map((d) => d.message)).toEqual([
      "Unexpected publication date 2023年2月29 (2023-02-29) in the page's wrapper: no such day in the calendar; publication.publishedAt is left null",
    ]);
    expect(processDocument({ file: 'page.txt', bytes: Buffer.from(WRAPPED('2024年3月1日')) }).document!.publication?.publishedAt).toBe('2024-03-01');
  });

  it('a wrapper the cleaner does not cut (it would remove the document) leaves no warning about its date', () => {
    const bare = '某某市人民政府网\n市政府印发关于做好数字经济工作的通知\n来源：市政府办公室 2024-02-30 阅读：120\n附全文：\n';
    const doc = processDocument({ file: 'bare.txt', bytes: Buffer.from(`${bare}各区县政府：做好工作。\n`) }).document;
    const codes = doc?.diagnostics.map((d) => d.code) ?? [];
    expect(doc?.publication ?? null).toBeNull();
    expect(codes).toContain('clean:cut-refused');
    expect(codes).not.toContain('clean:impossible-date');
  });
});

describe('sections.level', () => {
  it('is a string at every level, numbered headings and 条 alike', () => {
    const levels = new Set<string>();
    const walk = (list: readonly Section[]) => list.forEach((s) => (levels.add(typeof s.level), walk(s.children)));
    const text = readFileSync(join(SHARED, 'corpus', 'lawrefbook', '山东省人才发展促进条例(2020-03-26).md'));
    const law = processDocument({ file: 'law.md', bytes: text }).document!;
    const notice = processDocument({ file: 'joint.txt', bytes: Buffer.from(JOINT) }).document!;
    walk(law.sections);
    walk(notice.sections);
    expect([...levels]).toEqual(['string']);
    expect(notice.sections[0]!.level).toBe('1');
    expect(notice.sections[0]!.children[0]!.level).toBe('2');
    expect(law.sections.some((s) => s.level === '章' && s.children.some((c) => c.level === '条'))).toBe(true);
  });
});

describe('the dataset record', () => {
  it('slim leaves out the edit log, the alignment and the sentences (sentences keeps them); full is the JSON', () => {
    const doc = processDocument({ file: 'joint.txt', bytes: Buffer.from(JOINT) }).document!;
    expect(datasetRecord('a', doc, 'full')).toEqual({ path: 'a', ...doc });
    const slim = datasetRecord('a', doc, 'slim') as GongwenDocument & { path: string };
    expect(Object.keys(slim)).not.toContain('textAlignment');
    expect(slim.cleaning).toEqual({ script: doc.cleaning.script, rawLength: doc.cleaning.rawLength });
    expect(JSON.stringify(slim)).not.toContain('"sentences"');
    expect(slim.sections[0]!.children[0]!.paragraphs[0]).toEqual({ id: 's1.1.p1', span: doc.sections[0]!.children[0]!.paragraphs[0]!.span });
    expect(slim.responsibilities).toEqual(doc.responsibilities);
    const withSentences = datasetRecord('a', doc, 'sentences') as GongwenDocument;
    expect(withSentences.sections).toEqual(doc.sections);
    expect(Object.keys(withSentences)).not.toContain('textAlignment');
  });
});

describe('the tables, read back', () => {
  let out: string;
  beforeAll(async () => {
    const src = temp('tables');
    cpSync(join(SHARED, 'corpus', 'govcn', 'govcn-05.html'), join(src, 'govcn-05.html'));
    cpSync(join(SHARED, 'corpus', 'govcn', 'govcn-07.html'), join(src, 'govcn-07.html'));
    mkdirSync(join(src, 'local'));
    writeFileSync(join(src, 'local', 'joint.txt'), JOINT);
    writeFileSync(join(src, 'local', 'leap.txt'), LEAP);
    out = temp('tables-out');
    const report = await runBatch([src], { out, jobs: 1, dataset: 'slim' });
    expect(report.files.ok).toBe(4);
  }, 120_000);

  it('Parquet: every column has its declared type, and as many rows as the CSV', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const counts: Record<string, number> = {};
    for (const t of TABLE_NAMES) {
      const bytes = readFileSync(join(out, `${t}.parquet`));
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const metadata = parquetMetadata(file);
      const leaf = (e: (typeof metadata.schema)[number]) => [e.type, e.logical_type?.type].filter(Boolean).join('/');
      const declared = parquetSchema(metadata).children.map(({ element, children }) =>
        `${element.name}:${element.logical_type?.type === 'LIST' ? `LIST<${leaf(children[0]!.children[0]!.element)}>` : leaf(element)}`,
      );
      expect(declared, t).toEqual(TABLES[t].map((c) => `${c.name}:${parquetType[c.type]}`));
      const rows = await parquetReadObjects({ file });
      counts[t] = rows.length;
      expect(Number(metadata.num_rows), t).toBe(rows.length);
      // DuckDB reads the same types, and the CSV has the same rows
      const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${join(out, `${t}.parquet`)}'`)).getRowObjectsJson();
      expect(described.map((r) => `${r.column_name}:${r.column_type}`), t).toEqual(TABLES[t].map((c) => `${c.name}:${duckType[c.type]}`));
      const csvRows = (await db.runAndReadAll(`SELECT count(*) AS n FROM read_csv('${join(out, `${t}.csv`)}', header = true)`)).getRowObjectsJson();
      expect(Number(csvRows[0]!.n), t).toBe(rows.length);
    }
    expect(counts.documents).toBe(4);
    // one row per agency and role of each note
    const dataset = readFileSync(join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GongwenDocument);
    expect(counts.responsibilities).toBe(dataset.reduce((n, d) => n + d.responsibilities.reduce((m, r) => m + r.lead.length + r.support.length, 0), 0));
    expect(counts.entities).toBe(dataset.reduce((n, d) => n + d.entities.length, 0));
  });

  it('documents: one row per document, dates as dates (an impossible one null), counts and warnings', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT document, date, kind, is_document, notes, sections, warning_codes FROM '${join(out, 'documents.parquet')}' ORDER BY document`)).getRowObjectsJson();
    expect(rows.map((r) => r.document)).toEqual(['govcn-05', 'govcn-07', 'local/joint', 'local/leap']);
    expect(rows[2]).toMatchObject({ date: null, kind: '通知', is_document: true, notes: 2, sections: 3 });
    expect(rows[2]!.warning_codes).toContain('segment:impossible-date');
    expect(rows[3]).toMatchObject({ date: '2024-02-29', notes: 2 });
    // the CSV is typed the same by DuckDB's reader: the date column stays a date
    const csv = (await db.runAndReadAll(`DESCRIBE SELECT date, is_document, notes FROM read_csv('${join(out, 'documents.csv')}')`)).getRowObjectsJson();
    expect(csv.map((r) => r.column_type)).toEqual(['DATE', 'BOOLEAN', 'BIGINT']);
  });

  it('responsibilities: a joint list is joint, not lead; agencies by canonical name without a prefix; the note text, heading and deadline', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT note, section_heading, agency, agency_type, agency_name, role, roles_basis, note_text FROM '${join(out, 'responsibilities.parquet')}' WHERE document = 'local/joint' ORDER BY note, role, agency_name`)).getRowObjectsJson();
    expect(rows.map((r) => [r.note, r.agency_name, r.role, r.roles_basis])).toEqual([
      ['s1.1.r1', '市发改委', 'joint', 'joint'],
      ['s1.1.r1', '市经信局', 'joint', 'joint'],
      ['s1.2.r1', '市数据局', 'lead', 'explicit'],
      ['s1.2.r1', '市市场监管局', 'support', 'explicit'],
      ['s1.2.r1', '市财政局', 'support', 'explicit'],
    ]);
    expect(rows[0]).toMatchObject({ section_heading: '（一）建设平台', agency: '某某市发展和改革委员会', agency_type: 'agency', note_text: '（市发改委、市经信局负责）' });
    const prefixed = (await db.runAndReadAll(`SELECT count(*) AS n FROM '${join(out, 'responsibilities.parquet')}' WHERE agency LIKE 'agency%:%'`)).getRowObjectsJson();
    expect(Number(prefixed[0]!.n)).toBe(0);
    // the README's query: which agencies lead the most tasks, by year
    const top = (await db.runAndReadAll(readmeQuery(out))).getRowObjectsJson();
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((r) => r.year !== null && Number(r.tasks) > 0)).toBe(true);
    expect(top.find((r) => r.year === '2024' || Number(r.year) === 2024)).toMatchObject({ agency: '某某市数据局', tasks: '1' });
  });
});

/** The query README shows (Datasets), with the folder filled in. */
function readmeQuery(out: string): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const sql = /```sql\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('Which agencies lead the most tasks, by year')))![1]!;
  return sql.replaceAll("'out/", `'${out}/`);
}
