/**
 * The Parquet files of the batch's tables (lib/datasets.ts declares their
 * columns): an Arrow table typed by the columns, written by parquet-wasm with
 * zstd. Its own module, imported by the batch when it writes the datasets:
 * apache-arrow and parquet-wasm take 0.2 s to import, which no worker and no
 * document needs.
 */
import * as arrow from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { TABLES, type Cell, type Column, type Row, type TableName } from './datasets.js';

/** An Arrow vector for one column's values, typed by the column (strings as plain UTF-8, not dictionaries). */
function vector(c: Column, values: Cell[]): arrow.Vector {
  switch (c.type) {
    case 'string':
      return arrow.vectorFromArray(values as (string | null)[], new arrow.Utf8());
    case 'int':
      return arrow.vectorFromArray(values as (number | null)[], new arrow.Int32());
    case 'float':
      return arrow.vectorFromArray(values as (number | null)[], new arrow.Float64());
    case 'bool':
      return arrow.vectorFromArray(values as (boolean | null)[], new arrow.Bool());
    case 'date':
      return arrow.vectorFromArray(
        (values as (string | null)[]).map((v) => (v === null ? null : new Date(`${v}T00:00:00Z`))),
        new arrow.DateDay(),
      );
    case 'strings':
      return arrow.vectorFromArray(values as (string[] | null)[], new arrow.List(new arrow.Field('item', new arrow.Utf8(), true)));
  }
}

/** A table's Parquet bytes (zstd), its columns typed as TABLES says. */
export function tableParquet(table: TableName, rows: readonly Row[]): Uint8Array {
  const cols = TABLES[table];
  const data = Object.fromEntries(cols.map((c, k) => [c.name, vector(c, rows.map((r) => r[k]!))]));
  const t = new arrow.Table(data);
  const wasm = WasmTable.fromIPCStream(arrow.tableToIPC(t, 'stream'));
  return writeParquet(wasm, new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build());
}

