/**
 * Sanctions as outcomes other code can apply: money in fen, suspensions in whole months, flags.
 * A range's point is set by the rule file's `choices.point` (a position from its lower to its upper
 * bound), rounded half up to the fen or month and kept inside the range under the boundary rule.
 */
import { Decimal } from '../money/decimal.js';
import { fenToYuan } from '../money/fen.js';
import { evaluate, type ConditionContext } from './conditions.js';
import { intervalOf, intervalText, pointInRange, type Interval } from './interval.js';
import type { Choices, SanctionSpec } from './schema.js';
import type { Interviewee } from './vocabulary.js';

interface Common {
  /** The source says "may" (可以): not counted in the effects. */
  discretionary: boolean;
}

/** 责令改正: order to correct. */
export interface CorrectSanction extends Common { kind: 'correct' }
/** 责令退回: order to return the amount to the fund. */
export interface ReturnSanction extends Common { kind: 'return'; amountFen: number }
/** 约谈: admonition interview with the responsible person (有关负责人) or the party (当事人). */
export interface InterviewSanction extends Common { kind: 'interview'; with: Interviewee }
/** 罚款: a fine; `range` is in multiples of the amount (`multiple` is the point chosen) or in yuan. */
export interface FineSanction extends Common {
  kind: 'fine';
  amountFen: number;
  unit: 'timesAmount' | 'yuan';
  range: Interval;
  multiple?: number;
}
/** 暂停相关责任部门涉及医保基金使用的医药服务: the institution's responsible department stops fund-paid services. */
export interface DepartmentSuspension extends Common { kind: 'suspendDepartment'; months: number; range: Interval }
/** 暂停医疗费用联网结算: the person settles nothing in real time; bills are paid in full and claimed afterwards. */
export interface SettlementSuspension extends Common { kind: 'suspendSettlement'; months: number; range: Interval }
/** 解除服务协议: the handling agency ends the institution's service agreement. */
export interface AgreementTermination extends Common { kind: 'terminateAgreement' }
/** 依法给予处分: discipline of the directly responsible staff, by the body in charge of them. */
export interface Discipline extends Common { kind: 'discipline' }
/** 吊销执业资格: practising qualifications revoked, by the competent authority. */
export interface LicenceRevocation extends Common { kind: 'revokeLicence' }

export type Sanction =
  | CorrectSanction
  | ReturnSanction
  | InterviewSanction
  | FineSanction
  | DepartmentSuspension
  | SettlementSuspension
  | AgreementTermination
  | Discipline
  | LicenceRevocation;

/** What a simulation applies: the sanctions that are imposed (not those the source only allows). */
export interface SanctionEffects {
  orderedToCorrect: boolean;
  /** Back to the fund (责令退回). */
  returnFen: number;
  /** Fines (罚款); where they go is not in the sources. */
  fineFen: number;
  /** Months the responsible department's fund-paid services stop; 0 for none. */
  departmentSuspensionMonths: number;
  /** Months the person pays bills in full and claims them later; 0 for none. */
  settlementSuspensionMonths: number;
  agreementTerminated: boolean;
  interview: boolean;
  /** Sanctions on persons imposed by other bodies. */
  referrals: Array<'discipline' | 'revokeLicence'>;
}

/** No sanction at all: where the effects of the sanctions imposed are added up from. */
export function noEffects(): SanctionEffects {
  return {
    orderedToCorrect: false,
    returnFen: 0,
    fineFen: 0,
    departmentSuspensionMonths: 0,
    settlementSuspensionMonths: 0,
    agreementTerminated: false,
    interview: false,
    referrals: [],
  };
}

export function sanctionEffects(sanctions: readonly Sanction[]): SanctionEffects {
  const effects = noEffects();
  for (const s of sanctions) {
    if (s.discretionary) continue;
    switch (s.kind) {
      case 'correct': effects.orderedToCorrect = true; break;
      case 'return': effects.returnFen += s.amountFen; break;
      case 'interview': effects.interview = true; break;
      case 'fine': effects.fineFen += s.amountFen; break;
      case 'suspendDepartment': effects.departmentSuspensionMonths = Math.max(effects.departmentSuspensionMonths, s.months); break;
      case 'suspendSettlement': effects.settlementSuspensionMonths = Math.max(effects.settlementSuspensionMonths, s.months); break;
      case 'terminateAgreement': effects.agreementTerminated = true; break;
      case 'discipline':
      case 'revokeLicence': effects.referrals.push(s.kind); break;
    }
  }
  return effects;
}

export function pointPosition(point: Choices['point']): Decimal {
  if (point === 'lower') return new Decimal(0);
  if (point === 'midpoint') return new Decimal(0.5);
  if (point === 'upper') return new Decimal(1);
  return new Decimal(point);
}

function pointWords(point: Choices['point']): string {
  const name = point === 'lower' ? 'lower end' : point === 'upper' ? 'upper end' : point === 'midpoint' ? 'midpoint' : `point ${point}`;
  return `the ${name} (choices.point)`;
}

export interface SanctionContext extends ConditionContext {
  point: Choices['point'];
}

export interface Imposed {
  sanctions: Sanction[];
  /** How each amount was set, and what was left out and why. */
  lines: string[];
  /** Facts needed to decide (e.g. amountFen), when missing. */
  missing: string[];
}

const MOVED = ', moved inside the range (the boundary rule excludes the bound)';

export function imposeSanctions(specs: readonly SanctionSpec[], ctx: SanctionContext): Imposed {
  const out: Imposed = { sanctions: [], lines: [], missing: [] };
  const position = pointPosition(ctx.point);
  const where = pointWords(ctx.point);
  for (const spec of specs) {
    if (spec.onlyIf) {
      const v = evaluate(spec.onlyIf, ctx);
      out.missing.push(...v.missing);
      if (!v.met) {
        if (v.unmet.length > 0) out.lines.push(`${spec.kind} not imposed: ${v.unmet.join(', ')}`);
        continue;
      }
    }
    const discretionary = spec.discretionary;
    const amount = ctx.facts.amountFen;
    const needsAmount = spec.kind === 'return' || (spec.kind === 'fine' && spec.multiple !== undefined);
    if (needsAmount && amount === undefined) {
      out.missing.push('amountFen');
      continue;
    }
    if (needsAmount && amount === 0) {
      out.lines.push(`${spec.kind} not imposed: no amount lost or obtained`);
      continue;
    }
    switch (spec.kind) {
      case 'return':
        out.sanctions.push({ kind: 'return', amountFen: amount!, discretionary });
        break;
      case 'interview':
        out.sanctions.push({ kind: 'interview', with: spec.with, discretionary });
        break;
      case 'fine': {
        const range = intervalOf((spec.multiple ?? spec.yuan)!, ctx.boundary);
        if (spec.multiple) {
          const { steps, moved } = pointInRange(range, new Decimal(amount!), position);
          const multiple = nominal(range, position);
          out.sanctions.push({ kind: 'fine', amountFen: steps, unit: 'timesAmount', range, multiple, discretionary });
          out.lines.push(`fine ${fenToYuan(steps)} yuan: ${multiple} × ${fenToYuan(amount!)} yuan, ${where} of ${intervalText(range, (x) => `${x}×`)}${moved ? MOVED : ''}`);
        } else {
          const { steps, moved } = pointInRange(range, new Decimal(100), position);
          out.sanctions.push({ kind: 'fine', amountFen: steps, unit: 'yuan', range, discretionary });
          out.lines.push(`fine ${fenToYuan(steps)} yuan: ${where} of ${intervalText(range)} yuan${moved ? MOVED : ''}`);
        }
        break;
      }
      case 'suspendDepartment':
      case 'suspendSettlement': {
        const range = intervalOf(spec.months, ctx.boundary);
        const { steps, moved } = pointInRange(range, new Decimal(1), position);
        out.sanctions.push({ kind: spec.kind, months: steps, range, discretionary });
        out.lines.push(`${spec.kind} ${steps} months: ${where} of ${intervalText(range)} months${moved ? MOVED : ''}`);
        break;
      }
      default:
        out.sanctions.push({ kind: spec.kind, discretionary });
    }
  }
  return out;
}

/** The multiple at the chosen position, before rounding to the fen: e.g. 3.5 for the midpoint of (3×, 4×]. */
function nominal(range: Interval, position: Decimal): number {
  const low = new Decimal(range.lo ?? 0);
  return low.plus(new Decimal(range.hi!).minus(low).mul(position)).toNumber();
}
