#!/usr/bin/env node
const { main } = await import('../dist/pipeline/cli.js');
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

process.exitCode = await main(args);
