#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`parallax extract --json dir | head`) is not an error: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error?.stack ?? String(error)); process.exitCode = 70; },
);
