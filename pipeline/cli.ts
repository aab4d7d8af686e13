/**
 * The gongwen command: a thin layer over processPaths / processDocument.
 * Exit codes: 0 all files ok, 1 some files failed (the rest are written), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { processPaths } from './batch.js';
import { VARIANTS, type Variant } from './lib/opencc.js';
import { processDocument, toolVersion } from './pipeline.js';
import { toMarkdown, type OutputScript } from './stages/to-markdown.js';

function parseFormats(value: string): ('json' | 'md')[] {
  const list = value.split(',').map((s) => s.trim());
  for (const f of list) if (f !== 'json' && f !== 'md') throw new InvalidArgumentError(`unknown format "${f}" (json, md)`);
  return list as ('json' | 'md')[];
}

export function main(argv: string[]): number {
  let exitCode = 0;
  const program = new Command()
    .name('gongwen')
    .description('Turn Chinese government policy documents (公文) into clean Markdown and validated JSON.')
    .version(toolVersion())
    .argument('<paths...>', 'files or folders to process (.txt .md .html); - reads one document from stdin')
    .option('-o, --out <dir>', 'output folder', 'output')
    .addOption(new Option('--format <list>', 'outputs to write: json, md or json,md').default(['json', 'md'], 'json,md').argParser(parseFormats))
    .addOption(new Option('--to <format>', 'with -: what to write to stdout').choices(['json', 'md']).default('json'))
    .addOption(new Option('--script <script>', 'script of the Markdown').choices(['zh-Hans', 'zh-Hant']).default('zh-Hans'))
    .addOption(new Option('--variant <variant>', 'Traditional standard for zh-Hant').choices([...VARIANTS]).default('t'))
    .option('--encoding <label>', 'force the input encoding (utf-8, gb18030, big5, utf-16le …)')
    .option('--keep-punctuation', 'keep ASCII punctuation (no GB/T 15834 full-width marks)')
    .option('--keep-wrapper', 'keep the news wrapper and site furniture in the text')
    .option('--keep-pinyin', 'keep pinyin annotations such as 網(wǎng)')
    .option('-q, --quiet', 'print only failures')
    .addHelpText('after', '\nExamples:\n  gongwen input --out output\n  gongwen docs/*.html --out out --script zh-Hant\n  gongwen - --to md < doc.txt')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .action((paths: string[], opts: { out: string; format: ('json' | 'md')[]; to: 'json' | 'md'; script: OutputScript; variant: Variant; encoding?: string; keepPunctuation?: boolean; keepWrapper?: boolean; keepPinyin?: boolean; quiet?: boolean }) => {
      const options = {
        variant: opts.variant,
        encoding: opts.encoding,
        clean: { keepPunctuation: opts.keepPunctuation, keepWrapper: opts.keepWrapper, keepPinyin: opts.keepPinyin },
      };
      if (paths.length === 1 && paths[0] === '-') {
        const result = processDocument({ bytes: readFileSync(0), file: '-' }, options);
        if (!result.ok || !result.document) {
          for (const d of result.diagnostics) process.stderr.write(`-: ${d.severity} ${d.code}: ${d.message}\n`);
          exitCode = 1;
          return;
        }
        process.stdout.write(opts.to === 'md' ? toMarkdown(result.document, opts.script) : `${JSON.stringify(result.document, null, 1)}\n`);
        return;
      }
      const summary = processPaths(paths, {
        ...options,
        out: opts.out,
        formats: opts.format,
        script: opts.script,
        onFile: (o, index, total) => {
          if (!o.ok) process.stderr.write(`✗ ${o.file}: ${o.error}\n`);
          else if (!opts.quiet) {
            const warnings = o.result?.diagnostics.filter((d) => d.severity !== 'info').length ?? 0;
            process.stderr.write(`[${index + 1}/${total}] ✓ ${o.file} → ${o.outputs.join(', ')}${warnings ? ` (${warnings} warnings)` : ''}\n`);
          }
        },
      });
      if (!opts.quiet) process.stderr.write(`${summary.ok} ok, ${summary.failed} failed\n`);
      if (summary.files === 0) {
        process.stderr.write('gongwen: no input files found (.txt .md .markdown .html .htm)\n');
        exitCode = 2;
      } else if (summary.failed > 0) exitCode = 1;
    });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number; code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    return 2;
  }
  return exitCode;
}
