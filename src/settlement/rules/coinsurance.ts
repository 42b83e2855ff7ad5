/**
 * Rule 3, 报销比例 and 封顶线 (the pooled fund's share and its caps).
 * - Above the deductible, the pooled fund pays a ratio by person type (在职/退休, resident groups) and
 *   hospital level; the ratio may be banded by cumulative policy-range cost (分段报销, e.g. Beijing:
 *   起付标准–3万 85%, 3–4万 90%, 4万+ 95%). Each band's share is rounded to the fen.
 * - Out-of-area care (异地就医) may lower the ratio by a set number of points.
 * - Caps: a setting's own annual limit (e.g. 门诊统筹年度支付限额) and the annual fund cap (封顶线,
 *   统筹基金最高支付限额) across the settings it covers. When a claim crosses a cap the fund pays
 *   exactly what is left; the cost that share covers is found band by band (rounded up to the fen),
 *   the patient's share of it is co-payment and the cost beyond it is above the cap (超封顶线).
 */
import { Decimal, ZERO, amountForShare, fromFen, percentText, share, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import { CHINESE, type BenefitSetting, type Level, type Location, type PersonType } from '../../policy/vocabulary.js';
import type { Accumulators } from '../types.js';
import { asBands, bandText, segmentsOf, type RatioBand } from './bands.js';
import type { Step } from './trace.js';

export interface FundShare {
  pooledFund: Decimal;
  copay: Decimal;
  aboveCap: Decimal;
}

export function ratioBands(scheme: SchemePolicy, type: PersonType, benefit: BenefitSetting, level: Level): readonly RatioBand[] {
  if (benefit === 'pharmacy') return asBands(scheme.pharmacy.ratio[type]!);
  return asBands(scheme[benefit].ratio[type]![level]);
}

export function isPooled(scheme: SchemePolicy, benefit: BenefitSetting): boolean {
  return benefit === 'inpatient' ? true : scheme[benefit].pooled;
}

const RANGE_KEY = {
  outpatient: 'outpatientRangeCost',
  chronic: 'chronicRangeCost',
  inpatient: 'inpatientRangeCost',
  pharmacy: 'pharmacyRangeCost',
} as const;

const PAID_KEY = { outpatient: 'outpatientPaid', chronic: 'chronicPaid', inpatient: 'inpatientPaid' } as const;

/** Where this claim's policy-range cost starts on the band axis; then advance the axes. */
export function advanceCostAxis(scheme: SchemePolicy, benefit: BenefitSetting, policyRange: Decimal, acc: Accumulators): Decimal {
  const perAdmission = benefit === 'inpatient' && scheme.inpatient.bandBasis === 'admission';
  const start = fromFen(perAdmission ? acc.admissionRangeCost : acc[RANGE_KEY[benefit]]);
  const fen = toFen(policyRange);
  acc[RANGE_KEY[benefit]] += fen;
  if (benefit === 'inpatient') acc.admissionRangeCost += fen;
  return start;
}

/** A limit on the fund's payments (年度支付限额 or 封顶线) that a claim draws on, and what the year has used of it. */
export interface PaymentLimit {
  what: string;
  amount: Decimal;
  paid: Decimal;
}

/** The limits this claim draws on: the setting's own annual limit and the fund cap (封顶线), if they apply. */
export function paymentLimits(scheme: SchemePolicy, type: PersonType, benefit: BenefitSetting, acc: Accumulators): PaymentLimit[] {
  const pool = benefit === 'pharmacy' ? 'outpatient' : benefit;
  const limits: PaymentLimit[] = [];
  const own = scheme[pool].cap[type];
  if (own !== null && own !== undefined) {
    limits.push({ what: `${CHINESE[pool]} annual limit (年度支付限额)`, amount: new Decimal(own), paid: fromFen(acc[PAID_KEY[pool]]) });
  }
  if ((scheme.fundCap.settings as readonly string[]).includes(benefit)) {
    limits.push({ what: 'fund cap (封顶线, 统筹基金年度最高支付限额)', amount: new Decimal(scheme.fundCap.amount[type]!), paid: fromFen(acc.fundCapPaid) });
  }
  return limits;
}

const roomOf = (l: PaymentLimit) => Decimal.max(ZERO, l.amount.minus(l.paid));

/** Fund cap room left for this claim (yuan), or undefined when no cap applies. */
export function capRoom(scheme: SchemePolicy, type: PersonType, benefit: BenefitSetting, acc: Accumulators): Decimal | undefined {
  const limits = paymentLimits(scheme, type, benefit, acc);
  return limits.length === 0 ? undefined : Decimal.min(...limits.map(roomOf));
}

export function pooledShare(
  scheme: SchemePolicy,
  type: PersonType,
  benefit: BenefitSetting,
  level: Level,
  location: Location,
  axisStart: Decimal,
  deductiblePaid: Decimal,
  policyRange: Decimal,
  acc: Accumulators,
  trace: Step[],
): FundShare {
  const eligible = policyRange.minus(deductiblePaid);
  const reduction = location === 'local' ? 0 : scheme.outOfArea[location].ratioReduction;
  const segments = segmentsOf(ratioBands(scheme, type, benefit, level), axisStart.plus(deductiblePaid), axisStart.plus(policyRange), reduction);
  let uncapped = ZERO;
  for (const s of segments) {
    const part = share(s.amount, s.ratio);
    uncapped = uncapped.plus(part);
    trace.push({ rule: 'coinsurance', zh: '报销比例', text: `band ${bandText(s.band)}: ${yuanText(s.amount)} × ${percentText(s.ratio)} = ${yuanText(part)}` + reductionText(s.band.ratio, reduction, location) });
  }
  const limits = paymentLimits(scheme, type, benefit, acc);
  const room = limits.length === 0 ? undefined : Decimal.min(...limits.map(roomOf));
  let result: FundShare;
  let covered = eligible;
  if (room === undefined || uncapped.lte(room)) {
    result = { pooledFund: uncapped, copay: eligible.minus(uncapped), aboveCap: ZERO };
  } else {
    // The limit with the least room binds; name it, with the arithmetic that gives the room.
    const binding = limits.find((l) => roomOf(l).eq(room))!;
    trace.push({
      rule: 'cap',
      zh: '封顶线',
      text: `${binding.what} ${yuanText(binding.amount)}, ${yuanText(binding.paid)} paid before this claim: ${yuanText(room)} left, below the ${yuanText(uncapped)} the ratios give, so the fund pays ${yuanText(room)}`,
    });
    const cover = costCoveredBy(room, segments);
    covered = cover.covered;
    result = { pooledFund: room, copay: covered.minus(room), aboveCap: eligible.minus(covered) };
    trace.push({
      rule: 'cap',
      zh: '封顶线',
      text: `cost above the deductible that payment covers: ${cover.pieces.length > 0 ? `${cover.pieces.join('; ')}; ${yuanText(covered)} in all` : 'none'}; ${yuanText(eligible)} − ${yuanText(covered)} = ${yuanText(result.aboveCap)} is above the cap (超封顶线)`,
    });
  }
  const pool = benefit === 'pharmacy' ? 'outpatient' : benefit;
  acc[PAID_KEY[pool]] += toFen(result.pooledFund);
  if ((scheme.fundCap.settings as readonly string[]).includes(benefit)) acc.fundCapPaid += toFen(result.pooledFund);
  trace.push({
    rule: 'coinsurance',
    zh: '统筹基金支付',
    text: `pooled fund pays ${yuanText(result.pooledFund)}; co-payment (共付段个人负担) ${yuanText(covered)} − ${yuanText(result.pooledFund)} = ${yuanText(result.copay)}`,
  });
  return result;
}

/** Out-of-area care lowers a ratio by points, not by a share of it: 85% − 10 points = 75%, not 76.5%. */
function reductionText(ratio: number, reduction: number, location: Location): string {
  if (!reduction) return '';
  const lowered = Decimal.max(0, new Decimal(ratio).minus(reduction));
  return ` (${percentText(ratio)} − ${new Decimal(reduction).mul(100).toString()} percentage points for ${CHINESE[location]} = ${percentText(lowered)})`;
}

/**
 * The cost, band by band, whose fund share first reaches `room`, and how it was found (for the explanation):
 * whole bands while their share fits, then the part of the next whose share reaches what is left,
 * rounded up to the fen.
 */
function costCoveredBy(room: Decimal, segments: ReturnType<typeof segmentsOf>): { covered: Decimal; pieces: string[] } {
  let paid = ZERO;
  let covered = ZERO;
  const pieces: string[] = [];
  for (const s of segments) {
    const needed = room.minus(paid);
    if (needed.lte(0)) break;
    if (s.ratio.isZero()) {
      covered = covered.plus(s.amount);
      pieces.push(`band ${bandText(s.band)} at 0%: ${yuanText(s.amount)} whole`);
      continue;
    }
    const part = share(s.amount, s.ratio);
    if (part.gte(needed)) {
      const exact = amountForShare(needed, s.ratio);
      const amount = Decimal.min(s.amount, exact);
      pieces.push(
        `band ${bandText(s.band)}: ` +
          (paid.gt(0) ? `${yuanText(room)} − ${yuanText(paid)} = ${yuanText(needed)} left to pay; ` : '') +
          `${yuanText(needed)} ÷ ${percentText(s.ratio)} = ${yuanText(exact)} (rounded up to the fen)` +
          (exact.gt(s.amount) ? `, at most the band's ${yuanText(s.amount)}` : ''),
      );
      return { covered: covered.plus(amount), pieces };
    }
    pieces.push(`band ${bandText(s.band)}: ${yuanText(s.amount)} whole (fund ${yuanText(part)})`);
    paid = paid.plus(part);
    covered = covered.plus(s.amount);
  }
  return { covered, pieces };
}
