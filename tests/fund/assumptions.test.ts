import { describe, expect, it } from 'vitest';
import { fundAssumptions, residentFinancing } from '../../src/fund/assumptions.js';
import { parseDocumentText, validateDocument } from '../../src/input/document.js';
import { InputError } from '../../src/input/inputError.js';

describe('fund assumptions', () => {
  it('defaults: 8% / 2%, 60%–300%, mutual-aid accounts, 15 = 10.5 + 4.5 premium, 50/50 deficit cover', () => {
    const f = fundAssumptions.parse({});
    expect(f.employee.contributions).toEqual({ employerRate: 0.08, employeeRate: 0.02, retiredRate: 0, base: { floor: 0.6, ceiling: 3 } });
    expect(f.employee.accounts.rule).toBe('mutualAid');
    expect(f.employee.accounts.retired).toEqual({ shareOfAveragePension: 0.02, averagePension: 36000 });
    expect(f.employee.seriousIllness).toEqual({ perHead: { fund: 10.5, individual: 4.5 } });
    expect(f.resident.reserve.deficitCover).toEqual({ reserve: 0.5, government: 0.5 });
    expect(f.employee.arrears).toBeNull();
    expect(f.employee.interestRate).toBe(0.0035);
    expect(f.employee.opening).toEqual({ months: 14.4 });
    expect(residentFinancing(f.resident, 2021)).toEqual({ individual: 320, subsidy: 580 });
    // +40 / +30 a year after the table: 2024 = 320 + 120, 580 + 90 (computed by hand)
    expect(residentFinancing(f.resident, 2024)).toEqual({ individual: 440, subsidy: 670 });
  });

  it('a later table row takes over from the increase', () => {
    const f = fundAssumptions.parse({ resident: { financing: { byYear: { '2021': { individual: 320, subsidy: 580 }, '2023': { individual: 380, subsidy: 640 } } } } });
    expect(residentFinancing(f.resident, 2022)).toEqual({ individual: 360, subsidy: 610 });
    expect(residentFinancing(f.resident, 2023)).toEqual({ individual: 380, subsidy: 640 });
    expect(residentFinancing(f.resident, 2025)).toEqual({ individual: 460, subsidy: 700 });
  });

  it('reports every problem at once, with field paths and lines', () => {
    const doc = parseDocumentText(
      [
        'employee:',
        '  contributions:',
        '    employerRate: 8',
        '    base: { floor: 3.5, ceiling: 3 }',
        '  reserve:',
        '    deficitCover: { reserve: 0.6, government: 0.6 }',
        '  accounts:',
        '    rule: old',
        'resident:',
        '  financing:',
        '    byYear: { "21": { individual: 320, subsidy: 580 } }',
        '  opening: { years: 2 }',
      ].join('\n'),
      'scenario.yaml',
    );
    let error: unknown;
    try {
      validateDocument(doc, fundAssumptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const lines = (error as InputError).problems.map((p) => `${p.line} ${p.path.join('.')}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '3 employee.contributions.employerRate',
        '4 employee.contributions.base.floor',
        '6 employee.reserve.deficitCover',
        '8 employee.accounts.rule',
        '11 resident.financing.byYear.21',
        '12 resident.opening.years',
      ]),
    );
  });
});
