/** Agreement rule files: the two shipped ones, a base file's sections, and bad files reported in full. */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/input/document.js';
import { formatProblem, InputError } from '../../src/input/inputError.js';
import { agreementRulesFromDocument, defaultAgreementRulesFile } from '../../src/institutions/rules.js';
import { gx, sc } from './helpers.js';

const dir = dirname(defaultAgreementRulesFile());

function problems(text: string): string[] {
  try {
    agreementRulesFromDocument(parseDocumentText(text, join(dir, 'bad.yaml')));
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem).map((l) => l.replace(dir, 'DIR'));
    throw err;
  }
  throw new Error('expected the file to be rejected');
}

describe('shipped rule files', () => {
  it('transcribe Guangxi Arts 5, 7, 17–19 (seed 001 第1篇)', () => {
    expect(gx.entry).toEqual({ minMonthsOperating: 6, minLeaseMonths: 36, review: { everyMonths: 6 }, passScore: 85, retryAfterMonths: 6, secondFailureBanMonths: 0 });
    expect(gx.suspension.months).toEqual({ from: 1, to: 6 });
    expect(gx.suspension.chartSample.above).toBe(0.1);
    expect(gx.suspension.grounds.map((g) => g.item)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(gx.termination.grounds.map((g) => g.item)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(gx.termination.suspensionsInYear).toBe(2);
    expect(gx.termination.failedAssessmentsInRow).toBe(2);
    expect(Object.values(gx.reentry.banMonths)).toEqual([24, 24, 24, 24]);
    expect(gx.terms.classAShare).toEqual({ community: 0.85, primary: 0.85, secondary: 0.75, tertiary: 0.6 });
  });

  it('give Sichuan its own entry and bans (seed 003 篇三) and Guangxi suspension and termination as its base', () => {
    expect(sc.entry).toEqual({ minMonthsOperating: 3, minLeaseMonths: null, review: { withinMonths: 3 }, passScore: 85, retryAfterMonths: 3, secondFailureBanMonths: 12 });
    expect(sc.reentry.banMonths).toEqual({ violation: 36, seriousBreach: 12, fraudulentApplication: 36, controller: 60 });
    expect(sc.suspension).toEqual(gx.suspension);
    expect(sc.termination).toEqual(gx.termination);
    expect(sc.terms).toEqual(gx.terms);
  });
});

describe('bad rule files', () => {
  const head = 'id: X\ntitle: t\njurisdiction: XX\nsource: s\n';

  it('need every section, their own or a base file', () => {
    expect(problems(head)).toEqual([
      'DIR/bad.yaml:1: entry: is required (the file has no "base" giving it)',
      'DIR/bad.yaml:1: suspension: is required (the file has no "base" giving it)',
      'DIR/bad.yaml:1: termination: is required (the file has no "base" giving it)',
      'DIR/bad.yaml:1: reentry: is required (the file has no "base" giving it)',
      'DIR/bad.yaml:1: terms: is required (the file has no "base" giving it)',
    ]);
  });

  it('report every bad field with its line', () => {
    const text = `${head}base: CN-GX-agreement.yaml
entry:
  minMonthsOperating: -1
  minLeaseMonths: null
  review: { everyMonths: 6 }
  passScore: 85
  retryAfterMonths: 6
  secondFailureBanMonths: 0
suspension:
  months: { from: 1, to: 6 }
  chartSample: { above: 1.5 }
  failedAssessment: missing
  grounds:
    - { id: a, item: 1, text: t }
    - { id: a, item: 2, text: t }
reentry:
  banMonths: { violation: 24, seriousBreach: 24, fraudulentApplication: 24, forever: 24 }
`;
    expect(problems(text)).toEqual([
      'DIR/bad.yaml:7: entry.minMonthsOperating = -1: must be 0 or more',
      'DIR/bad.yaml:15: suspension.chartSample.above = 1.5: must be between 0 and 1',
      'DIR/bad.yaml:19: suspension.grounds[1].id = "a": ground "a" is listed twice',
      'DIR/bad.yaml:16: suspension.failedAssessment = "missing": must be the id of one of the grounds (a, a)',
      'DIR/bad.yaml:21: reentry.banMonths.controller: is required (number)',
      'DIR/bad.yaml:21: reentry.banMonths.forever = 24: unknown field',
    ]);
  });

  it('refuse a ground that both suspends and ends the agreement', () => {
    const text = `${head}base: CN-GX-agreement.yaml
termination:
  suspensionsInYear: 2
  repeatedSuspensionBan: seriousBreach
  failedAssessmentsInRow: 2
  failedAssessmentsBan: seriousBreach
  grounds:
    - { id: positiveRate, item: 1, ban: violation, text: t }
`;
    expect(problems(text)).toEqual(['DIR/bad.yaml:12: termination.grounds[0].id = "positiveRate": is also a suspension ground; a ground either suspends or ends the agreement']);
  });
});
