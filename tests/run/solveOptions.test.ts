/**
 * A lever and a target as a notebook may write them wrong, refused by solveLever before it simulates, naming
 * the field, the value and what is allowed, as "solve options" (not "command line": the command line checks
 * its own flags first). An unknown lever kind failed as a policy field on its tolerance ("tolerance must be a
 * positive number, got undefined"); a months minimum given as text or below 0 was accepted and sized to.
 */
import { describe, expect, it } from 'vitest';
import { solveLever, type Lever, type SolveTarget } from '../../src/run/solve.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

const loaded = loadScenario(defaultScenarioFile());
const tiny = { workers: 0, paths: 1, members: 500, horizon: 2 };
const subsidy: Lever = { kind: 'residentSubsidy', lo: 300, hi: 900 };
const target: SolveTarget = { scheme: 'resident', allowedFailure: 0.05, minMonthsCovered: 6 };
const problems = async (lever: unknown, t: unknown) => {
  const err = await solveLever(loaded, lever as Lever, t as SolveTarget, tiny).catch((e: unknown) => e);
  expect(err).toMatchObject({ name: 'InputError' });
  return (err as Error).message.split('\n');
};

describe('solveLever options', () => {
  it('refuses an unknown lever kind, and ends of the range that are not numbers', async () => {
    expect(await problems({ ...subsidy, kind: 'residentSubsidies' }, target)).toEqual(['solve options: lever.kind = "residentSubsidies": must be one of residentSubsidy, employerRate, policy']);
    expect(await problems({ ...subsidy, lo: Number.NaN, hi: '900' }, target)).toEqual([
      'solve options: lever.lo = "NaN": must be a finite number in the lever\'s unit',
      'solve options: lever.hi = "900": must be a finite number in the lever\'s unit',
    ]);
    expect(await problems({ kind: 'policy', lo: 300, hi: 900 }, target)).toEqual(["solve options: lever.path: must be a policy field's dotted path, e.g. 'resident.inpatient.deductible.adult.tertiary'"]);
  });

  it('refuses a target of an unknown fund, a share written as text, a months minimum that is not a number of months', async () => {
    expect(await problems(subsidy, { scheme: 'residents', allowedFailure: '5%', minMonthsCovered: '6' })).toEqual([
      'solve options: target.scheme = "residents": must be one of employee, resident',
      'solve options: target.allowedFailure = "5%": must be a number between 0 and 1 (exclusive), e.g. 0.05 for 5%',
      'solve options: target.minMonthsCovered = "6": must be a number of months, at least 0',
    ]);
    expect(await problems(subsidy, { ...target, minMonthsCovered: -1 })).toEqual(['solve options: target.minMonthsCovered = -1: must be a number of months, at least 0']);
    expect(await problems(subsidy, undefined)).toEqual(["solve options: target: must be an object, e.g. { scheme: 'resident', allowedFailure: 0.05, minMonthsCovered: 6 }"]);
  });

  it('names a range the wrong way round as the caller\'s option, not a command-line flag', async () => {
    expect(await problems({ ...subsidy, lo: 900, hi: 300 }, target)).toEqual(['solve options: lever.range = "900:300": the low end must be below the high end']);
  });
});
