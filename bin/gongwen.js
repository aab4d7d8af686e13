#!/usr/bin/env node
// jieba's native load takes about a second of CPU: a run that may process documents starts it on a thread of
// its own first, so that it loads on the second core while this thread imports the pipeline and reads the
// first document (pipeline/lib/jieba-server.ts); --help and --version need no jieba
const args = process.argv.slice(2);
const { startJiebaServer } = await import('../dist/pipeline/lib/jieba-server.js');
const jiebaServer = args.length > 0 && !args.some((a) => ['-h', '--help', '-V', '--version'].includes(a)) ? startJiebaServer() : undefined;
const { main } = await import('../dist/pipeline/cli.js');
if (jiebaServer) (await import('../dist/pipeline/lib/jieba.js')).useJiebaServer(jiebaServer);

// a reader that stops early (`gongwen - < doc.txt | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of an unhandled EPIPE error; any other failure to write the
// output (a full disk under `> file`) is one line and exit 1
for (const [name, stream] of [['standard output', process.stdout], ['standard error', process.stderr]]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream !== process.stderr) process.stderr.write(`gongwen: cannot write to ${name}: ${error.message}\n`);
    process.exit(1);
  });
}

process.exitCode = await main(args);
