#!/usr/bin/env node
// jieba's native load takes about half a second of CPU: a run that processes documents starts it on a thread of its
// own as soon as its arguments are valid, so that it loads on the second core while this thread imports the pipeline
// and reads the first document (pipeline/lib/jieba-server.ts). --help, --version, --list and usage errors start none:
// they end at once, and a process that ends while that thread is inside nodejieba's native code can abort
const { main } = await import('../dist/pipeline/cli.js');
const startJieba = async () => {
  const { startJiebaServer } = await import('../dist/pipeline/lib/jieba-server.js');
  (await import('../dist/pipeline/lib/jieba.js')).useJiebaServer(startJiebaServer());
};
const args = process.argv.slice(2);

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

process.exitCode = await main(args, { beforeDocuments: startJieba });
