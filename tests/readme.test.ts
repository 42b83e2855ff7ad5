/**
 * Keeps README.md honest: the quick start is the one CI runs; every command of the CLI reference exists and
 * every command has a section; every flag documented for a command is in its --help, and every flag of a
 * --help is documented; every repository path the README names exists; the scenario example is a valid
 * scenario; the tour's chart is a real SVG chart.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
