// Make the package importable by its own name (`import ... from 'yibao-sim'`) inside this checkout,
// as it is for a user who installed it: notebooks import it that way. Runs after `npm install`/`npm ci`.
// A small stub package pointing at ../../dist (not a symlink to the root, which would make a cycle).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stub = path.join(root, 'node_modules', 'yibao-sim');
const { version } = require(path.join(root, 'package.json'));
fs.rmSync(stub, { recursive: true, force: true });
fs.mkdirSync(stub, { recursive: true });
fs.writeFileSync(
  path.join(stub, 'package.json'),
  JSON.stringify({ name: 'yibao-sim', version, main: '../../dist/index.js', types: '../../dist/index.d.ts' }, null, 2),
);
