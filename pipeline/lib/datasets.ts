/**
 * The batch's datasets (README: Datasets): three tables — documents,
 * entities, responsibilities — written as CSV and as Parquet, and the
 * dataset.jsonl record of each document (full, or slim for analysis).
 *
 * Tabular outputs follow one naming convention: snake_case column names,
 * Simplified text unless the column ends in `_hant`, ids without a type
 * prefix where the column says the type. Each column has one type, declared
 * here once and used for both files: `string`, `int`, `float`, `bool`, `date` (a day,
 * written YYYY-MM-DD in CSV and as a Parquet DATE), `strings` (a list: a
 * Parquet LIST of strings; in CSV its items joined by ` | `); a bool is
 * true/false in CSV. An absent value is an empty CSV cell and a Parquet null.
 *
 * A worker renders each document's rows of all three tables into one record
 * (`tableRecord` in lib/dataset-records.ts, a JSON line of typed rows); the batch reads the records of
 * every document of the output folder back and writes the six files. The
 * Parquet writer (lib/parquet.ts) is the batch's to load when it writes them,
 * so a worker never does.
 */
import { stringify } from 'csv-stringify/sync';
import { RESPONSIBILITY_COLUMNS } from './notes/records.js';

export type ColumnType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'strings';
export interface Column {
  name: string;
  type: ColumnType;
}
export type Cell = string | number | boolean | string[] | null;
export type Row = Cell[];

const columns = (spec: string): Column[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((c) => {
      const [name, type = 'string'] = c.split(':');
      return { name: name!, type: type as ColumnType };
    });

/** The tables, their columns in order and each column's type. */
export const TABLES = {
  documents: columns(`
    document path title title_hant document_number issuer date:date kind status is_document:bool title_source
    script source_format encoding published:date sections:int attachments:int notes:int entities:int
    warnings:int warning_codes:strings`),
  entities: columns(`
    document entity type key name name_hant canonical category year:int value:float unit mentions:int first_start:int first_end:int`),
  responsibilities: RESPONSIBILITY_COLUMNS.map((name) => ({ name, type: name === 'deadline_date' ? 'date' : 'string' }) as Column),
} as const satisfies Record<string, Column[]>;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/**
 * What dataset.jsonl holds for a document: `full` is its JSON record; `slim` leaves out what
 * analysis rarely reads and the per-document JSON keeps — the edit log (`cleaning.edits`,
 * `cleaning.text`), the script alignment (`textAlignment`) and the sentences of each
 * paragraph (`sentences` keeps them). A slim line is no longer valid against the document schema.
 */
export type DatasetRecord = 'full' | 'slim' | 'sentences';
export const DATASET_RECORDS: readonly DatasetRecord[] = ['full', 'slim', 'sentences'];

/** A table's CSV text: header, then every row (null → empty cell, a list's items joined by ` | `). */
export function tableCsv(table: TableName, rows: readonly Row[]): string {
  const cols = TABLES[table];
  const cell = (v: Cell, c: Column) => (v === null ? '' : c.type === 'strings' ? (v as string[]).join(' | ') : typeof v === 'boolean' ? String(v) : v);
  return stringify([cols.map((c) => c.name), ...rows.map((r) => r.map((v, k) => cell(v, cols[k]!)))]);
}

/** The rows of every table from the records of a batch's documents (in output-path order). */
export function collectRows(records: Iterable<string>): Record<TableName, Row[]> {
  const rows = { documents: [], entities: [], responsibilities: [] } as Record<TableName, Row[]>;
  for (const text of records) {
    const record = JSON.parse(text) as Record<TableName, Row[]>;
    for (const t of TABLE_NAMES) for (const r of record[t]) rows[t].push(r);
  }
  return rows;
}

/** A batch file to write (lib/output-files.ts writes the group). */
export interface DatasetFile {
  path: string;
  write: string | ((put: (piece: string | Uint8Array) => void) => void);
}

/**
 * The batch files of the given documents: dataset.jsonl (their records concatenated as written), and each table
 * as CSV and Parquet. `read(target)` gives a document's record files, or null for one that has none;
 * `path(name, ext)` a batch file's path; `tableParquet` is lib/parquet.ts's.
 */
export function datasetFiles(
  targets: readonly string[],
  read: (target: string) => { dataset: Uint8Array | null; tables: string | null },
  path: (name: string, ext: string) => string,
  tableParquet: (table: TableName, rows: readonly Row[]) => Uint8Array,
): DatasetFile[] {
  const lines: Uint8Array[] = [];
  const tables: string[] = [];
  for (const t of targets) {
    const r = read(t);
    if (r.dataset) lines.push(r.dataset);
    if (r.tables) tables.push(r.tables);
  }
  const rows = collectRows(tables);
  return [
    { path: path('dataset', 'jsonl'), write: (put) => lines.forEach((l) => put(l)) },
    ...TABLE_NAMES.map((t) => ({ path: path(t, 'csv'), write: tableCsv(t, rows[t]) })),
    ...TABLE_NAMES.map((t) => ({ path: path(t, 'parquet'), write: (put: (piece: Uint8Array) => void) => put(tableParquet(t, rows[t])) })),
  ];
}
