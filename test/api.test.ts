/** The public API (package.json "exports" → pipeline/index.ts): what it exports, used as a library user would. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../pipeline/index.js';
import { realDocuments } from '../bench/documents.js';
import { SAMPLE } from './helpers/paths.js';

describe('the public API', () => {
  it('exports these names, and only these', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'clean', 'collectJobs', 'convert', 'createProcessor', 'decode', 'detectFormat', 'detectScript', 'diagnosticCatalogue', 'documentValidator', 'extract', 'fileText', 'inShard',
        'processDocument', 'processFile', 'RULES', 'rebuildInput', 'rebuildRaw', 'runBatch', 'runJob', 'schemaPath', 'segment', 'toJson', 'toMarkdown', 'toolVersion', 'validateDocument', 'validateRunReport',
      ].sort(),
    );
  });

  it('turns a document into valid JSON and Markdown, and its edit log back into the input', () => {
    const raw = readFileSync(SAMPLE);
    const result = api.processDocument({ bytes: raw, file: 'sample.txt' });
    expect(result.ok).toBe(true);
    const doc = result.document!;
    expect(api.validateDocument(doc)).toEqual({ valid: true, errors: [] });
    expect(api.toMarkdown(doc, 'zh-Hant')).toContain('前瞻培育未來產業');
    // and so do the gov.cn pages and regulations, from their JSON as written
    // a source of mixed script is converted both ways, so its cleaned text is kept in cleaning.text
    const mixed = '关于加快发展数字经济的通知\n各区县人民政府：\n一、總體要求\n堅持創新驅動發展，推動產業轉型升級。\n二、重點任務\n加快建設算力基礎設施。\n';
    const mixedDoc = api.processDocument({ bytes: Buffer.from(mixed), file: 'mixed.txt' }).document!;
    expect(mixedDoc.source.script).toBe('mixed');
    expect(mixedDoc.cleaning.text).not.toBeNull();
    expect(api.rebuildInput(mixedDoc)).toBe(mixed);
    expect(doc.cleaning.text).toBeNull();
    for (const d of realDocuments().slice(1)) {
      const record = JSON.parse(JSON.stringify(api.processDocument({ bytes: d.bytes, file: d.name }).document)) as typeof doc;
      expect(api.rebuildInput(record), d.name).toBe(api.decode({ bytes: d.bytes }).text);
    }
    // the JSON record alone (cleaned text in the source script, the edit log) rebuilds the decoded input
    expect(api.rebuildInput(doc)).toBe(api.decode({ bytes: raw }).text);
    expect([...api.rebuildInput(doc)]).toHaveLength(doc.cleaning.rawLength);
  });
});
