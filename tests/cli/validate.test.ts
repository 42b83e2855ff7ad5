/** `yibao validate`: policies and reforms told apart by shape; every problem with file:line; exit 2. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, kindOf } from '../../src/cli/commands/validate.js';
import { FIXTURES, TWO_YEARS, yibao } from './helpers.js';

const BAD_POLICY = join(FIXTURES, 'bad-policy.yaml');
const BAD_REFORM = join(FIXTURES, 'bad-reform.yaml');
const GOOD_REFORM = join(FIXTURES, 'good-reform.yaml');

describe('yibao validate', () => {
  it('accepts a valid policy and a valid reform (applied to the default policy or to --policy)', async () => {
    const run = await yibao('validate', TWO_YEARS, GOOD_REFORM);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      `${TWO_YEARS}: valid policy "cli-test-two-years" (CN-test, from 2021-01-01)\n` +
        `${GOOD_REFORM}: valid reform "lower-deductible" (applied to the default policy: policy "default-prefecture-2021+lower-deductible")\n`,
    );
    const onBase = await yibao('validate', GOOD_REFORM, '--policy', TWO_YEARS);
    expect(onBase.out).toContain(`(applied to ${TWO_YEARS}: policy "cli-test-two-years+lower-deductible")`);
  });

  it('reports every problem of a policy with file:line, field, value and what is allowed', async () => {
    const run = await yibao('validate', BAD_POLICY);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err.trim().split('\n')).toEqual([
      `yibao: ${BAD_POLICY}:1: id = "bad policy": must be letters, digits, "_", ".", "+" or "-"`,
      `yibao: ${BAD_POLICY}:7: employee.outpatient.deductible = -5: must be 0 or more`,
      `yibao: ${BAD_POLICY}:8: employee.outpatient.ratio = 1.5: must be between 0 and 1`,
      `yibao: ${BAD_POLICY}:13: employee.inpatient.ratio.community: missing hospital level "community" (give it, or a "default")`,
      `yibao: ${BAD_POLICY}:13: employee.inpatient.ratio.primary: missing hospital level "primary" (give it, or a "default")`,
      `yibao: ${BAD_POLICY}:13: employee.inpatient.ratio.tertiary: missing hospital level "tertiary" (give it, or a "default")`,
    ]);
  });

  it('checks a reform against its baseline and reports problems in the reform file', async () => {
    const run = await yibao('validate', BAD_REFORM, BAD_POLICY, TWO_YEARS);
    expect(run.code).toBe(2);
    expect(run.out).toBe(`${TWO_YEARS}: valid policy "cli-test-two-years" (CN-test, from 2021-01-01)\n`);
    const err = run.err.trim().split('\n');
    expect(err.slice(0, 2)).toEqual([
      `yibao: ${BAD_REFORM}:4: changes.jurisdiction = "CN-elsewhere": a reform may not change the policy's jurisdiction`,
      `yibao: ${BAD_REFORM}:7: changes.employee.inpatient.ratio = 2: must be between 0 and 1`,
    ]);
    expect(err).toHaveLength(8); // and the six problems of the bad policy
  });

  it('refuses a reform with the id "baseline" (compare names the baseline so), as compare does', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yibao-reform-')), 'named-baseline.yaml');
    writeFileSync(file, 'id: baseline\nname: Named baseline\nchanges:\n  resident:\n    inpatient:\n      deductible:\n        tertiary: 1500\n');
    const run = await yibao('validate', file);
    expect(run).toMatchObject({ code: 2, err: `yibao: ${file}:1: id = "baseline": "baseline" is reserved for the policy a reform is compared with\n` });
    const compare = await yibao('compare', '--reform', file, '--paths', '1', '--members', '100', '--horizon', '1', '--no-progress');
    expect(compare).toMatchObject({ code: 2, err: run.err });
  });

  it('gives the line of a YAML syntax error and of a repeated key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-yaml-'));
    writeFileSync(join(dir, 'flow.yaml'), 'id: x\nname: {a: 1\nfoo: bar\n');
    writeFileSync(join(dir, 'twice.yaml'), 'id: x\nid: y\n');
    const run = await yibao('validate', join(dir, 'flow.yaml'), join(dir, 'twice.yaml'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^yibao: ${join(dir, 'flow.yaml')}:3: not valid YAML: `, 'm'));
    expect(run.err).toContain(`yibao: ${join(dir, 'twice.yaml')}:2: not valid YAML: Map keys must be unique`);
  });

  it('reports a bad baseline once, and a missing file', async () => {
    const run = await yibao('validate', GOOD_REFORM, BAD_REFORM, join(FIXTURES, 'missing.yaml'), '--policy', BAD_POLICY);
    expect(run.code).toBe(2);
    const err = run.err.trim().split('\n');
    expect(err.filter((l) => l.includes(`${BAD_POLICY}:7:`))).toHaveLength(1);
    expect(err).toContain(`yibao: ${join(FIXTURES, 'missing.yaml')}: file not found`);
  });

  it('checks the rule files: sanctions (with their statute base) and agreements (with theirs)', async () => {
    const data = join(__dirname, '..', '..', 'data');
    const [jx, gx, sc] = [join(data, 'supervision', 'CN-JX-trial.yaml'), join(data, 'institutions', 'CN-GX-agreement.yaml'), join(data, 'institutions', 'CN-SC-designation.yaml')];
    const run = await yibao('validate', jx, gx, sc);
    expect(run.err).toBe('');
    expect(run.out).toBe(
      `${jx}: valid penalty rule file "CN-JX-trial" (CN-JX, 试行 (trial); 6 articles, base CN-2021)\n` +
        `${gx}: valid agreement rule file "CN-GX" (CN-GX)\n` +
        `${sc}: valid agreement rule file "CN-SC" (CN-SC, base CN-GX-agreement.yaml)\n`,
    );
  });

  it('reports a rule file\'s mistakes with file:line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-validate-'));
    const file = join(dir, 'bad-rules.yaml');
    const text = readFileSync(join(__dirname, '..', '..', 'data', 'supervision', 'CN-2021.yaml'), 'utf8').replace('boundary: { above: inclusive, below: inclusive }', 'boundary: { above: sometimes, below: inclusive }');
    writeFileSync(file, text);
    const run = await yibao('validate', file);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^yibao: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: choices\\.boundary\\.above = "sometimes": `));
  });

  it('checks a cash-flow assumptions file as one (not as a policy)', async () => {
    const shipped = join(__dirname, '..', '..', 'data', 'institutions', 'channels-seed002.yaml');
    expect(await yibao('validate', shipped)).toMatchObject({ code: 0, out: `${shipped}: valid cash-flow assumptions (card or self-advance causes, reimbursement delays, clearing)\n` });
    const bad = join(mkdtempSync(join(tmpdir(), 'yibao-cashflow-')), 'cashflow.yaml');
    writeFileSync(bad, 'causes:\n  network: 2\n');
    expect(await yibao('validate', bad)).toMatchObject({ code: 2, err: `yibao: ${bad}:2: causes.network = 2: unknown field\n` });
  });

  it('tells documents apart by shape, with policy as the fallback', () => {
    expect(kindOf({ id: 'x', articles: [] }).name).toBe('penalty rules');
    expect(kindOf({ id: 'x', terms: {} }).name).toBe('agreement rules');
    expect(kindOf({ id: 'x', changes: {} }).name).toBe('reform');
    expect(kindOf({ causes: {}, reimbursement: {} }).name).toBe('cash-flow assumptions');
    expect(kindOf({ id: 'x', employee: {} }).name).toBe('policy');
    expect(kindOf([1, 2]).name).toBe('policy');
    expect(DOCUMENT_KINDS[DOCUMENT_KINDS.length - 1]!.name).toBe('policy');
  });
});
