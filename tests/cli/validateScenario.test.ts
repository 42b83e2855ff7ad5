/** `yibao validate` on scenario files: checked as `yibao run` checks them, every problem with file:line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../src/cli/commands/validate.js';
import { FIXTURES, ROOT, yibao } from './helpers.js';

const DEFAULT = join(ROOT, 'scenarios', 'default.yaml');
const EMPLOYEE_ONLY = join(ROOT, 'scenarios', 'employee-only.yaml');
const BAD = join(FIXTURES, 'bad-scenario.yaml');
const MISSING_POLICY = join(FIXTURES, 'scenario-missing-policy.yaml');
const SUPERVISION_WITH_DEMAND = join(FIXTURES, 'supervision-with-induced-demand.yaml');
const BAD_INDEXATION = join(FIXTURES, 'scenario-bad-indexation.yaml');
const MISSING_CASE_GROUPS = join(FIXTURES, 'scenario-missing-case-groups.yaml');

describe('yibao validate, scenario files', () => {
  it('tells a scenario by its fields', () => {
    expect(kindOf({ id: 'x', baseYear: 2021 }).name).toBe('scenario');
    expect(kindOf({ id: 'x', policy: 'p.yaml' }).name).toBe('scenario');
    expect(kindOf({ id: 'x', changes: {}, policy: 'p.yaml' }).name).toBe('reform');
    expect(kindOf({ id: 'x', jurisdiction: 'CN', employee: {} }).name).toBe('policy');
  });

  it('accepts the library scenarios with an "ok" line each', async () => {
    const run = await yibao('validate', DEFAULT, EMPLOYEE_ONLY);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      `${DEFAULT}: valid scenario "default-prefecture" (base year 2021, 10 years, 20 paths × 20000 members; policy "default-prefecture-2021", region CN-default-prefecture; agreements CN-GX (CN-GX, borrowed))\n` +
        `${EMPLOYEE_ONLY}: valid scenario "employee-only" (base year 2021, 10 years, 20 paths × 20000 members; policy "default-prefecture-2021", region CN-default-prefecture; agreements CN-GX (CN-GX, borrowed))\n`,
    );
  }, 60_000);

  it('names the rule files a scenario uses and whether they are its region\'s own or borrowed', async () => {
    const NANCHANG = join(ROOT, 'scenarios', 'nanchang.yaml');
    const SUPERVISION = join(ROOT, 'scenarios', 'supervision.yaml');
    const run = await yibao('validate', NANCHANG, SUPERVISION);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${NANCHANG}: valid scenario "nanchang" (base year 2025, 10 years, 20 paths × 20000 members; policy "nanchang-2025", region CN-JX-nanchang; agreements CN-GX (CN-GX, borrowed))`);
    // 2021 by the statute (CN covers every region), 2022 on by Jiangxi's table, borrowed for the default prefecture.
    expect(run.out).toContain('region CN-default-prefecture; agreements CN-GX (CN-GX, borrowed); sanctions CN-2021 (CN) and CN-JX-trial (CN-JX, borrowed))');
  }, 60_000);

  it('reports both problems of a bad scenario with file:line, field, value and what is allowed; exit 2', async () => {
    const run = await yibao('validate', BAD, DEFAULT);
    expect(run.code).toBe(2);
    expect(run.out).toContain(`${DEFAULT}: valid scenario`);
    expect(run.err.trim().split('\n')).toEqual([
      `yibao: ${BAD}:5: horizon = 0: must be at least 1 year`,
      `yibao: ${BAD}:7: sample.represents = 500: must represent at least as many people as it simulates`,
    ]);
  }, 60_000);

  it('names the scenario field that points to a missing policy file', async () => {
    const run = await yibao('validate', MISSING_POLICY);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toMatch(new RegExp(`^yibao: ${MISSING_POLICY.replace(/[.]/g, '\\.')}:8: policy = "policies/no-such-policy\\.yaml": file not found`));
  });

  it('gives the line of a problem found once the scenario is read: an indexation path, a file a section names', async () => {
    const run = await yibao('validate', BAD_INDEXATION, MISSING_CASE_GROUPS);
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^yibao: ${BAD_INDEXATION.replace(/[.]/g, '\\.')}:10: indexation\\[0\\]\\.path = "employee\\.inpatient\\.deductable": no field "deductable"`)),
      expect.stringMatching(new RegExp(`^yibao: ${MISSING_CASE_GROUPS.replace(/[.]/g, '\\.')}:10: payment\\.caseGroups = "no-such-groups\\.csv": cannot read the case-group table`)),
    ]);
  }, 60_000);

  it('rejects supervision together with the behavioural response before any run, naming the line', async () => {
    const run = await yibao('validate', SUPERVISION_WITH_DEMAND);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toBe(
      `yibao: ${SUPERVISION_WITH_DEMAND}:11: behaviour.elasticity = -0.2: the behavioural response cannot yet run with supervision (supervision.enabled: true); set one of them off`,
    );
  });
});
