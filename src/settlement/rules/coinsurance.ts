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

/** Fund cap room left for this claim (yuan), or undefined when no cap applies. */
export function capRoom(scheme: SchemePolicy, type: PersonType, benefit: BenefitSetting, acc: Accumulators): Decimal | undefined {
  const pool = benefit === 'pharmacy' ? 'outpatient' : benefit;
  let room: Decimal | undefined;
  const own = scheme[pool].cap[type];
  if (own !== null && own !== undefined) room = Decimal.max(ZERO, new Decimal(own).minus(fromFen(acc[PAID_KEY[pool]])));
  if ((scheme.fundCap.settings as readonly string[]).includes(benefit)) {
    const fundRoom = Decimal.max(ZERO, new Decimal(scheme.fundCap.amount[type]!).minus(fromFen(acc.fundCapPaid)));
    room = room === undefined ? fundRoom : Decimal.min(room, fundRoom);
  }
  return room;
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
    trace.push({ rule: 'coinsurance', zh: '报销比例', text: `band ${bandText(s.band)}: ${yuanText(s.amount)} × ${percentText(s.ratio)} = ${yuanText(part)}` + (reduction ? ` (ratio lowered ${percentText(reduction)} for ${CHINESE[location]})` : '') });
  }
  const room = capRoom(scheme, type, benefit, acc);
  let result: FundShare;
  if (room === undefined || uncapped.lte(room)) {
    result = { pooledFund: uncapped, copay: eligible.minus(uncapped), aboveCap: ZERO };
  } else {
    const covered = costCoveredBy(room, segments);
    result = { pooledFund: room, copay: covered.minus(room), aboveCap: eligible.minus(covered) };
    trace.push({ rule: 'cap', zh: '封顶线', text: `the fund's cap leaves ${yuanText(room)}: it pays that, covering ${yuanText(covered)} of cost; ${yuanText(result.aboveCap)} is above the cap (超封顶线)` });
  }
  const pool = benefit === 'pharmacy' ? 'outpatient' : benefit;
  acc[PAID_KEY[pool]] += toFen(result.pooledFund);
  if ((scheme.fundCap.settings as readonly string[]).includes(benefit)) acc.fundCapPaid += toFen(result.pooledFund);
  trace.push({ rule: 'coinsurance', zh: '统筹基金支付', text: `pooled fund pays ${yuanText(result.pooledFund)}; co-payment (共付段个人负担) ${yuanText(result.copay)}` });
  return result;
}

/** The cost, band by band, whose fund share first reaches `room`. */
function costCoveredBy(room: Decimal, segments: ReturnType<typeof segmentsOf>): Decimal {
  let paid = ZERO;
  let covered = ZERO;
  for (const s of segments) {
    const needed = room.minus(paid);
    if (needed.lte(0)) break;
    if (s.ratio.isZero()) {
      covered = covered.plus(s.amount);
      continue;
    }
    const part = share(s.amount, s.ratio);
    if (part.gte(needed)) return covered.plus(Decimal.min(s.amount, amountForShare(needed, s.ratio)));
    paid = paid.plus(part);
    covered = covered.plus(s.amount);
  }
  return covered;
}
