/**
 * The Parquet files of the batch's tables (lib/datasets.ts declares their
 * columns), written by hyparquet-writer (plain JavaScript, Snappy-compressed
 * pages) with the schema spelled out here, so every column has the type its
 * declaration gives — text as UTF-8 strings, INTEGER, DOUBLE, BOOLEAN, DATE
 * (days since 1970), a list of text as Parquet's three-level LIST — whatever
 * its values (an all-null column keeps its type). It replaced apache-arrow +
 * parquet-wasm, which took ≈ 0.2 s to import and ≈ 50 ms for their first
 * writes: a quarter of a one-document run (Benchmark, cold start). Its own
 * module, imported by the batch when it writes the datasets.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { TABLES, type Cell, type Column, type ColumnType, type Row, type TableName } from './datasets.js';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;

/** A column's schema elements: one leaf, or a list's group, its repeated group and its element. */
function elements(c: Column): SchemaElement[] {
  const leaf = (type: Exclude<ColumnType, 'strings'>): SchemaElement => {
    switch (type) {
      case 'string':
        return { name: c.name, repetition_type: 'OPTIONAL', ...STRING };
      case 'int':
        return { name: c.name, repetition_type: 'OPTIONAL', type: 'INT32' };
      case 'float':
        return { name: c.name, repetition_type: 'OPTIONAL', type: 'DOUBLE' };
      case 'bool':
        return { name: c.name, repetition_type: 'OPTIONAL', type: 'BOOLEAN' };
      case 'date':
        return { name: c.name, repetition_type: 'OPTIONAL', type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } };
    }
  };
  if (c.type !== 'strings') return [leaf(c.type)];
  return [
    { name: c.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'OPTIONAL', ...STRING },
  ];
}

const DAY_MS = 86_400_000;

/** A cell as the column's Parquet value: a date (`YYYY-MM-DD`) is its day number. */
function value(c: Column, v: Cell): unknown {
  if (v === null || c.type !== 'date') return v;
  return Math.round(Date.parse(`${v as string}T00:00:00Z`) / DAY_MS);
}

/** A table's Parquet bytes, its columns typed as TABLES says. */
export function tableParquet(table: TableName, rows: readonly Row[]): Uint8Array {
  const cols: readonly Column[] = TABLES[table];
  const schema: SchemaElement[] = [{ name: 'root', num_children: cols.length }, ...cols.flatMap(elements)];
  const columnData = cols.map((c, k) => ({ name: c.name, data: rows.map((r) => value(c, r[k]!)) }));
  return new Uint8Array(parquetWriteBuffer({ schema, columnData, createdBy: 'gongwen' }));
}
