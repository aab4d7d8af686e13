#!/usr/bin/env node
import { main } from '../dist/pipeline/cli.js';

// a reader that stops early (`gongwen - < doc.txt | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of an unhandled EPIPE error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
