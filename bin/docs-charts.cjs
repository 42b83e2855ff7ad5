#!/usr/bin/env node
// Renders the README's charts from a real run: `yibao run` on the default scenario at its own size
// (scenarios/default.yaml: 20 paths × 20,000 members × 10 years, seed 20211231), then copies the charts
// the README shows into docs/. Usage: node bin/docs-charts.cjs [--workers N]   (run `npm run build` first)
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const CHARTS = { 'resident-balance.svg': 'tour-balance.svg', 'resident-months-covered.svg': 'tour-months-covered.svg' };
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yibao-docs-')), 'run');
const args = [path.join(__dirname, 'yibao.cjs'), 'run', path.join(root, 'scenarios', 'default.yaml'), '--out', out, '--format', 'csv', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
for (const [from, to] of Object.entries(CHARTS)) fs.copyFileSync(path.join(out, 'charts', from), path.join(root, 'docs', to));
fs.copyFileSync(path.join(out, 'answers.txt'), path.join(root, 'docs', 'tour-answers.txt'));
fs.rmSync(path.dirname(out), { recursive: true, force: true });
process.stdout.write(`docs/: ${[...Object.values(CHARTS), 'tour-answers.txt'].join(', ')} from yibao run scenarios/default.yaml\n`);
