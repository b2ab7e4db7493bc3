#!/usr/bin/env node
import { guardStandardStreams, main } from '../dist/cli/bin-entry.js';

// A full disk under `hta … > out.txt`: one line and exit 2; `hta … | head` closing the pipe
// early is the reader's choice, not an error (docs/cli.md "Standard output and error").
guardStandardStreams();
process.exitCode = await main(process.argv.slice(2));
