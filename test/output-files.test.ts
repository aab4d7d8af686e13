/**
 * A group of files written with its fsyncs issued at once (writeFilesConcurrently)
 * keeps writeFiles' guarantees: every file whole or the earlier one kept, no
 * temporary file left, no descriptor left open — checked on the file system.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder, writeFiles, writeFilesConcurrently, type FileToWrite } from '../pipeline/lib/output-files.js';

const temp = () => mkdtempSync(join(tmpdir(), 'gongwen-output-files-'));
const openDescriptors = () => readdirSync('/proc/self/fd').length;
const everyFile = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe('writeFilesConcurrently', () => {
  it('writes every file of the group, text and bytes, into new folders, with and without fsync', async () => {
    for (const fsync of [true, false]) {
      const out = temp();
      const files: FileToWrite[] = [
        { path: join(out, 'a.json'), write: '{"a":1}\n' },
        { path: join(out, 'sub', 'b.md'), write: (put) => ['# 标题\n', '正文。\n'].forEach(put) },
        { path: join(out, 'sub', 'deeper', 'c.bin'), write: (put) => put(new Uint8Array([1, 2, 3])) },
      ];
      await writeFilesConcurrently(new OutputFolder(out), files, { fsync });
      expect(everyFile(out)).toEqual(['a.json', 'sub/b.md', 'sub/deeper/c.bin']);
      expect(readFileSync(join(out, 'sub', 'b.md'), 'utf8')).toBe('# 标题\n正文。\n');
      expect([...readFileSync(join(out, 'sub', 'deeper', 'c.bin'))]).toEqual([1, 2, 3]);
    }
  });

  it('writes what writeFiles writes', async () => {
    const files = (out: string): FileToWrite[] => [
      { path: join(out, 'x.txt'), write: '一二三\n' },
      { path: join(out, 'y', 'z.txt'), write: (put) => put('四五六\n') },
    ];
    const a = temp();
    const b = temp();
    writeFiles(new OutputFolder(a), files(a));
    await writeFilesConcurrently(new OutputFolder(b), files(b));
    expect(everyFile(b)).toEqual(everyFile(a));
    for (const f of everyFile(a)) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
  });

  it('a file that fails while written leaves the earlier files as they were, no temporary and no open descriptor', async () => {
    const out = temp();
    writeFileSync(join(out, 'a.json'), 'old a\n');
    writeFileSync(join(out, 'b.json'), 'old b\n');
    const before = openDescriptors();
    const failing: FileToWrite[] = [
      { path: join(out, 'a.json'), write: 'new a\n' },
      {
        path: join(out, 'b.json'),
        write: (put) => {
          put('new b, half');
          throw new Error('the renderer failed');
        },
      },
    ];
    await expect(writeFilesConcurrently(new OutputFolder(out), failing)).rejects.toThrow('the renderer failed');
    expect(everyFile(out)).toEqual(['a.json', 'b.json']);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(out, 'b.json'), 'utf8')).toBe('old b\n');
    expect(openDescriptors()).toBe(before);
  });

  it('a rename that fails (a folder in the way) removes the temporaries still waiting and throws', async () => {
    const out = temp();
    mkdirSync(join(out, 'b.json'));
    writeFileSync(join(out, 'b.json', 'inside'), 'x');
    const before = openDescriptors();
    const files: FileToWrite[] = [
      { path: join(out, 'a.json'), write: 'a\n' },
      { path: join(out, 'b.json'), write: 'b\n' },
      { path: join(out, 'c.json'), write: 'c\n' },
    ];
    await expect(writeFilesConcurrently(new OutputFolder(out), files)).rejects.toThrow();
    // as writeFiles: the files renamed before the failure stay renamed; no temporary is left
    expect(everyFile(out)).toEqual(['a.json', 'b.json/inside']);
    expect(openDescriptors()).toBe(before);
  });
});
