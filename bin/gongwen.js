#!/usr/bin/env node
import { main } from '../dist/pipeline/cli.js';

process.exitCode = main(process.argv.slice(2));
