/** Bad rule files: every problem reported at once, with file, line, field path and what is allowed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/input/document.js';
import { formatProblem, InputError } from '../../src/input/inputError.js';
import { loadPenaltyRules, penaltyRulesFromDocument } from '../../src/supervision/load.js';
import { jxFile } from './helpers.js';

/** Read text as a rule file sitting beside the real ones; return the problems as printed lines. */
function problems(text: string): string[] {
  try {
    penaltyRulesFromDocument(parseDocumentText(text, join(dirname(jxFile), 'bad.yaml')));
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem).map((l) => l.replaceAll(dirname(jxFile), 'DIR'));
    throw err;
  }
  throw new Error('expected the file to be rejected');
}

const head = `id: T
title: test
jurisdiction: XX
version: '1'
effective: { from: 2021-05-01 }
source: test
`;
const choices = `choices:
  boundary: { above: exclusive, below: inclusive }
  point: midpoint
`;
const article = (tiers: string, extra = '') => `articles:
  - id: '37'
    title: t
    statute: s
    actors: [handlingAgency]
${extra}    tiers:
${tiers}`;
const tier = (id: string, body: string) => `      - id: ${id}
        degree: standard
        source: s
${body}`;
const fine = '        sanctions: [{ kind: fine, multiple: { above: 1, below: 2 } }]\n';

describe('rule file validation', () => {
  it('accepts a minimal file', () => {
    expect(() => penaltyRulesFromDocument(parseDocumentText(head + choices + article(tier('A', fine)), join(dirname(jxFile), 'ok.yaml')))).not.toThrow();
  });

  it('reports text that is not YAML', () => {
    expect(problems('id: [')[0]).toMatch(/^DIR\/bad\.yaml(:\d+)?: not valid YAML/);
  });

  it('reports bad bands and sanctions, each with its line', () => {
    const body = `        when: { amount: { above: 100, below: 50 } }
        sanctions:
          - { kind: fine, multiple: { above: 1 } }
          - { kind: fine }
          - { kind: suspendDepartment, months: { above: 1.5, below: 3 } }
          - { kind: return, colour: red }
`;
    expect(problems(head + choices + article(tier('A', body)))).toEqual([
      'DIR/bad.yaml:19: articles[0].tiers[0].when.amount.below = 50: must be above "above" (100)',
      'DIR/bad.yaml:21: articles[0].tiers[0].sanctions[0].multiple = {"above":1}: a sanction range needs an upper bound ("below", 以下)',
      'DIR/bad.yaml:22: articles[0].tiers[0].sanctions[1] = {"kind":"fine"}: a fine needs either "multiple" (倍, of the amount) or "yuan" (a fixed range), not both',
      'DIR/bad.yaml:23: articles[0].tiers[0].sanctions[2].months.above = 1.5: must be whole months',
      'DIR/bad.yaml:24: articles[0].tiers[0].sanctions[3].colour = "red": unknown field',
    ]);
  });

  it('reports an unknown kind of sanction and a missing field', () => {
    const body = `        sanctions: [{ kind: jail }]\n`;
    const lines = problems(head.replace("version: '1'\n", '') + choices + article(tier('A', body)));
    expect(lines[0]).toBe('DIR/bad.yaml:1: version: is required (string)');
    expect(lines[1]).toMatch(/^DIR\/bad\.yaml:18: articles\[0\]\.tiers\[0\]\.sanctions\[0\]\.kind = "jail": must be one of .*"fine", "suspendDepartment"/);
    expect(lines).toHaveLength(2);
  });

  it('checks choices against the tiers: precedence, gaps, switches, items, duplicate ids', () => {
    const tiers = tier('A', `        when: { items: [9], switches: { nosuch: true } }\n${fine}`) + tier('A', fine);
    const badChoices = `${choices}  gaps: { default: maybe, '99': statute }
  precedence: { '37': [A, B] }
`;
    expect(problems(head + badChoices + article(tiers, '    items: { 1: one }\n'))).toEqual([
      'DIR/bad.yaml:24: articles[0].tiers[1].id = "A": tier "A" is given twice',
      'DIR/bad.yaml:22: articles[0].tiers[0].when.switches.nosuch = true: no switch "nosuch" in choices.switches',
      'DIR/bad.yaml:22: articles[0].tiers[0].when.items = [9]: article 37 has no item 9 (list its items under "items")',
      'DIR/bad.yaml:11: choices.precedence.37 = ["A","B"]: must list each tier of article 37 once: A, A',
      // Integer-like keys come first in a JavaScript object.
      'DIR/bad.yaml:10: choices.gaps.99 = "statute": no article "99" (use "default" or one of 37)',
      'DIR/bad.yaml:10: choices.gaps.default = "maybe": must be uncovered or statute',
    ]);
  });

  it('needs a base file to fill gaps from the statute, and the base must exist', () => {
    const statuteGaps = `${choices}  gaps: { default: statute }\n`;
    expect(problems(head + statuteGaps + article(tier('A', fine)))).toEqual([
      'DIR/bad.yaml:10: choices.gaps.default = "statute": needs a "base" statute file to take the statutory ranges from',
    ]);
    // The missing base is named at the field that points to it.
    expect(problems(`${head}base: nope.yaml\n${choices}${article(tier('A', fine))}`)).toEqual(['DIR/bad.yaml:7: base = "nope.yaml": file not found: DIR/nope.yaml']);
  });

  it('reports a base that has a base of its own, and a file that is its own base, without going round for ever', () => {
    // bad.yaml names the Jiangxi file, whose base is CN-2021.yaml.
    expect(problems(`${head}base: CN-JX-trial.yaml\n${choices}${article(tier('A', fine))}`)).toEqual([
      'DIR/bad.yaml:7: base = "CN-JX-trial.yaml": a base file must not have a base of its own (CN-JX-trial.yaml names CN-2021.yaml)',
    ]);
    // A copy of the Jiangxi file that names itself (as a scenario would read it, from disk).
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    const self = join(dir, 'self.yaml');
    writeFileSync(self, readFileSync(jxFile, 'utf8').replace('base: CN-2021.yaml', 'base: self.yaml'));
    try {
      loadPenaltyRules(self);
      throw new Error('expected the file to be rejected');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map(formatProblem)).toEqual([`${self}:36: base = "self.yaml": a base file must not have a base of its own (self.yaml names self.yaml)`]);
    }
  });

  it('names a policy, scenario or reform given as a rule file for what it is, not as a rule file missing its fields', () => {
    const policy = `id: p\njurisdiction: CN-XX\neffective: { from: 2021-01-01 }\nemployee: {}\nresident: {}\n`;
    expect(problems(policy)).toEqual([
      'DIR/bad.yaml:4: this is a policy file (it has `employee`, `resident`), not a penalty rule file: one has `articles` with the tiers of 条例 Arts 37–41 (data/supervision/CN-JX-trial.yaml)',
    ]);
    expect(problems('id: r\nchanges: []\n')).toEqual([
      'DIR/bad.yaml:2: this is a reform file (it has `changes`), not a penalty rule file: one has `articles` with the tiers of 条例 Arts 37–41 (data/supervision/CN-JX-trial.yaml)',
    ]);
    // A rule file with its articles left out is still a rule file missing a field.
    expect(problems(head + choices)).toEqual(['DIR/bad.yaml:1: articles: is required (array)']);
  });

  it('reports a statute gap for an article the base file lacks', () => {
    const text = `${head}base: CN-2021.yaml\n${choices}  gaps: { default: statute }\n${article(tier('A', fine)).replace("id: '37'", "id: '36'")}`;
    expect(problems(text)).toEqual(['DIR/bad.yaml:11: choices.gaps.default = "statute": the base file CN-2021.yaml has no article 36']);
  });

  it('loads both shipped files', () => {
    const rules = loadPenaltyRules(jxFile);
    expect(rules.baseRules?.id).toBe('CN-2021');
    expect(rules.articles.map((a) => a.id)).toEqual(['37', '38', '39', '40', '41.1', '41.2']);
    expect(rules.baseRules?.articles.map((a) => a.id)).toEqual(['37', '38', '39', '40', '41.1', '41.2']);
  });
});
