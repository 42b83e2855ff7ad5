/**
 * Keeps README.md honest: the quick start is the one CI runs; every command of the CLI reference exists and
 * every command has a section; every flag documented for a command is in its --help, and every flag of a
 * --help is documented; every repository path the README names exists; "How results are computed" has its
 * subsections on the settlement order, the fund projection and uncertainty; the scenario example is a valid
 * scenario; the tour's chart is a real SVG chart. Beyond the README: every scenario or data file that a
 * notebook or a scenario file names exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema } from '../src/scenario/schema.js';
import { ROOT, yibao } from './cli/helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of a `## ` section, up to the next `## ` heading. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const next = README.indexOf('\n## ', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

/** Code spans, code blocks and headings: where the README writes commands. */
function codeOf(text: string): string[] {
  const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const prose = text.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const headings = [...prose.matchAll(/^#{2,4} (.*)$/gm)].map((m) => m[1]!);
  return [...blocks, ...spans, ...headings];
}

async function help(...command: string[]): Promise<string> {
  const run = await yibao(...command, '--help');
  expect(run.code, `yibao ${command.join(' ')} --help`).toBe(0);
  return run.out;
}

const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
const CLI = section('CLI reference');

/** The CLI reference's subsections for commands: `### yibao <command> …` up to the next `### `. */
const commandSections = [...CLI.matchAll(/^### yibao ([a-z]+)\b[^\n]*\n([\s\S]*?)(?=^### |$(?![\s\S]))/gm)].map((m) => ({ command: m[1]!, text: m[0] }));

describe('README', () => {
  it('keeps the two-command quick start CI runs', () => {
    expect(section('Quick start')).toContain(
      '```sh\nnpm run setup   # installs npm packages, Jupyter and Chromium (Debian), the tslab kernel; runs the default scenario\n' +
        'npm test        # the whole test suite\n```',
    );
  });

  it('has the sections the issue asks for, in order', () => {
    const titles = [...README.matchAll(/^## (.*)$/gm)].map((m) => m[1]!);
    const wanted = ['Quick start', 'Five-minute tour', 'Scenario file reference', 'Policy file reference', 'CLI reference', 'How results are computed', 'Known limits', 'Benchmarks'];
    expect(wanted.map((t) => titles.indexOf(t))).toEqual([...wanted.map((t) => titles.indexOf(t))].sort((a, b) => a - b));
    for (const t of wanted) expect(titles).toContain(t);
  });

  it('names only commands that exist, and documents every command yibao --help lists', async () => {
    const listed = [...(await help()).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(listed.length).toBeGreaterThanOrEqual(8);
    const mentioned = new Set(codeOf(README).flatMap((code) => [...code.matchAll(/(?:^|[\s(|$])yibao ([a-z][\w-]*)/gm)].map((m) => m[1]!)));
    for (const word of mentioned) expect(listed, `README mentions "yibao ${word}"`).toContain(word);
    expect(commandSections.map((s) => s.command).sort()).toEqual([...listed].sort());
  });

  it('documents for each command only flags its --help has, and every flag it has', async () => {
    const documented = flagsIn(CLI);
    for (const { command, text } of commandSections) {
      const own = await help(command);
      const helpFlags = flagsIn(own);
      for (const flag of flagsIn(text)) expect([...helpFlags], `README: yibao ${command} ${flag}`).toContain(flag);
      for (const flag of helpFlags) if (flag !== '--help') expect([...documented], `yibao ${command} --help has ${flag}`).toContain(flag);
    }
  });

  it('names only repository files and folders that exist', () => {
    const paths = new Set(
      [...README.matchAll(/(?<![\w/.-])((?:scenarios|data|docs|notebooks|src|bin|tests)\/[\w./-]*[\w/])/g)]
        .map((m) => m[1]!)
        .filter((p) => !p.includes('*')),
    );
    expect(paths.size).toBeGreaterThan(30);
    const missing = [...paths].filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('explains how results are computed: settlement order, fund projection and uncertainty, each with its own subsection', () => {
    const how = section('How results are computed');
    const subsections = new Map([...how.matchAll(/^### (.*)\n([\s\S]*?)(?=^### |$(?![\s\S]))/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
    for (const title of ['Settlement order', 'How the fund is projected', 'Uncertainty']) {
      expect([...subsections.keys()], `"### ${title}" under "## How results are computed"`).toContain(title);
      expect(subsections.get(title)!.length, `"### ${title}" has text`).toBeGreaterThan(200);
    }
  });

  it("gives a scenario example that is a valid scenario, its policy in scenarios/", () => {
    const yaml = [...section('Scenario file reference').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(yaml.length).toBeGreaterThan(0);
    const parsed = scenarioSchema.safeParse(parse(yaml[0]!));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(existsSync(join(ROOT, 'scenarios', parsed.data!.policy))).toBe(true);
  });

  it("shows in the tour a chart rendered by the package: a non-empty SVG with plot marks", () => {
    const images = [...section('Five-minute tour').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/\.svg$/);
      const file = join(ROOT, image);
      expect(statSync(file).size).toBeGreaterThan(1000);
      const svg = readFileSync(file, 'utf8');
      expect(svg).toMatch(/^<svg [^>]*class="[^"]*yibao-chart/);
      expect(svg).toMatch(/aria-label="(area|line|dot|bar|rect)"/);
      expect(svg).toMatch(/<path [^>]*d="M/);
    }
  });
});

/** Every file under dir (relative to the repository) whose name ends with one of the extensions. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * Scenario, policy and data files a text names: YAML files (`scenarios/x.yaml`, `../policies/y.yaml`,
 * `default.yaml`) and tables under data/ (`data/…/z.csv`). Tables of ../shared/reference are cited as sources,
 * outside this repository: not checked here.
 */
const namedFiles = (text: string) =>
  [...text.matchAll(/(?<![\w/.-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.(?:ya?ml|csv))\b/g)]
    .map((m) => m[1]!)
    .filter((name) => !name.endsWith('.csv') || /^(?:\.{1,2}\/)*data\//.test(name));

/**
 * Where a name written in `file` points, in the repository: relative to the file when it starts with ./ or ../
 * or names a subfolder (as scenario files refer to their policy); from the repository root when it starts with
 * scenarios/ or data/ (as prose does). A bare file name (e.g. "nanchang-2025.yaml" next to a path) may be in the
 * file's folder or any folder of scenarios/.
 */
function resolveNamed(file: string, name: string, scenarioFiles: readonly string[]): string[] {
  const here = dirname(join(ROOT, file));
  if (/^\.{1,2}\//.test(name)) return [resolve(here, name)];
  if (/^(?:scenarios|data)\//.test(name)) return [join(ROOT, name)];
  if (name.includes('/')) return [resolve(here, name)];
  return [resolve(here, name), ...scenarioFiles.filter((f) => f.endsWith(`/${name}`)).map((f) => join(ROOT, f))];
}

describe('scenario and data files named outside the README', () => {
  const scenarioFiles = filesUnder('scenarios', ['.yaml', '.yml']);
  const notebookText = (file: string) => {
    const nb = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { cells: { source: string | string[] }[] };
    return nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source)).join('\n');
  };
  const sources = [
    ...filesUnder('notebooks', ['.ipynb']).map((file) => ({ file, text: notebookText(file) })),
    ...scenarioFiles.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') })),
  ];

  it('finds the notebooks and scenario files, and the names they use', () => {
    expect(sources.filter((s) => s.file.endsWith('.ipynb')).length).toBeGreaterThanOrEqual(5);
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(15);
    expect(namedFiles("loadScenario('../scenarios/default.yaml'); policy: ../policies/default-2021.yaml; see scenarios/x.yaml and data/calibration/targets-2021.csv, shared/reference/a.csv")).toEqual([
      '../scenarios/default.yaml',
      '../policies/default-2021.yaml',
      'scenarios/x.yaml',
      'data/calibration/targets-2021.csv',
    ]);
  });

  it('names only scenario and data files that exist (notebook cells, scenario, policy and reform files)', () => {
    const named = sources.flatMap(({ file, text }) => namedFiles(text).map((name) => ({ file, name })));
    // Every notebook loads at least one scenario or policy file, and most scenario files name their policy.
    expect(named.filter((n) => /^\.\.\/scenarios\/[\w./-]+\.yaml$/.test(n.name)).length).toBeGreaterThanOrEqual(5);
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter(({ file, name }) => !resolveNamed(file, name, scenarioFiles).some((p) => existsSync(p)));
    expect(missing.map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
    // What the names point at is inside the repository (not shared/ or another checkout).
    const outside = named.filter(({ file, name }) => relative(ROOT, resolveNamed(file, name, scenarioFiles)[0]!).startsWith('..'));
    expect(outside.map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });
});
