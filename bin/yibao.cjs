#!/usr/bin/env node
// The `yibao` command. Runs the built JavaScript (dist/) when present, else the TypeScript sources via tsx.
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
if (fs.existsSync(built)) {
  cli = require(built);
} else {
  require('tsx/cjs/api').register();
  cli = require('../src/cli/main.ts');
}
// A reader that stops early (`yibao … --help | head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
