/**
 * The misuse of fund benefits the simulation can generate, as 条例 Arts 38, 40 and 41 list it (seed 000;
 * seed 003 篇一 and §4.2 of shared/domain/seed-003-supervision.md), each with what it does to a claim.
 * Codes are positions + 1: a claim's label is 0 when no behaviour touched it.
 *
 * How each one changes the claims (`size` is its intensity parameter):
 *   splitAdmission      分解住院: a stay of 2+ days becomes two admissions at the half-way day, the second a
 *                       new admission with its own deductible and a repeated work-up of `size` × the bill (tests);
 *   phantomBedDays      挂床住院: `size` × the stay in extra days, billed `size` × the bill in bed and nursing;
 *   overTreatment       过度诊疗、过度检查: `size` × the bill in extra tests;
 *   excessPrescription  分解处方、超量开药、重复开药: `size` × the bill in extra drugs;
 *   duplicateCharging   重复收费: a visit's items charged again the same day (a copy at `size` × the bill);
 *                       in a stay, `size` × the bill added to it;
 *   overCharging        超标准收费、分解项目收费: prices `size` above the standard, on every item;
 *   substitution        串换: `size` of the 丙类 items billed under 乙类 codes;
 *   outOfScope          将基金支付范围外的费用纳入结算: an excluded cause settled as illness, and `size` of the
 *                       丙类 items billed as 甲类;
 *   inventedServices    虚构医药服务项目: a visit that never happened, later in the year, at `size` × the bill;
 *   forgedRecords       伪造医疗文书 (假住院): a visit recorded as an admission of `size` days (at least 1) billed
 *                       (1 + `size`) × the visit;
 *   cashOut             pharmacy 虚假购药套现: a purchase that never happened, the same day, at `size` × the bill;
 *   pharmacyResale      pharmacy 回收药品再销售: drugs bought back and billed again later, at `size` × the bill;
 *   cardLending         person 冒名就医: the borrower's visits under the member's card, copies of the member's
 *                       own visits on later days at `size` × their bill;
 *   drugResale          person 转卖药品 (seed 004's ring: elderly members, drugs bought back at 40–50% of
 *                       price): `size` × the bill in extra drugs on the member's purchases, which the
 *                       member sells on at resalePriceShare of their price (reported, not settled);
 *   doubleBenefit       person 重复享受待遇: the same bill claimed again the same day (in a stay, `size` × the bill
 *                       added to it, as for duplicateCharging).
 */
import { termWords } from '../charts/format.js';
import { SETTINGS, type Setting } from '../policy/vocabulary.js';

export const BEHAVIOURS = [
  'splitAdmission',
  'phantomBedDays',
  'overTreatment',
  'excessPrescription',
  'duplicateCharging',
  'overCharging',
  'substitution',
  'outOfScope',
  'inventedServices',
  'forgedRecords',
  'cashOut',
  'pharmacyResale',
  'cardLending',
  'drugResale',
  'doubleBenefit',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];
export const NB = BEHAVIOURS.length;

/** Label code of a behaviour (0: none). */
export const labelOf = (b: Behaviour): number => BEHAVIOURS.indexOf(b) + 1;

/** Who engages: a designated hospital, a designated pharmacy, either, or an insured person. */
export type BehaviourActor = 'hospital' | 'pharmacy' | 'institution' | 'person';

/** What a behaviour does to a claim it touches (see the file comment). */
export type Mechanic = 'split' | 'addDays' | 'addItems' | 'addCopy' | 'reclassify' | 'forgeAdmission';

/** Which items an addition is made of: drugs, tests, or bed and other items. */
export type ItemKind = 'drugs' | 'tests' | 'other' | 'asBilled';

export interface BehaviourInfo {
  chinese: string;
  actor: BehaviourActor;
  /** The 条例 article that sanctions it without intent to defraud (38, 41.1); 40 for fraud as such. */
  article: '38' | '40' | '41.1';
  mechanic: Mechanic;
  items: ItemKind;
  /** Settings whose claims it can touch. */
  settings: readonly Setting[];
  /** For addCopy: the copy falls on the same day (else on a later day of the year). */
  sameDay?: boolean;
}

const VISITS = ['outpatient', 'chronic', 'emergencyObservation'] as const satisfies readonly Setting[];
const MEDICAL = ['outpatient', 'chronic', 'inpatient', 'emergencyObservation'] as const satisfies readonly Setting[];

export const BEHAVIOUR_INFO: Record<Behaviour, BehaviourInfo> = {
  splitAdmission: { chinese: '分解住院', actor: 'hospital', article: '38', mechanic: 'split', items: 'tests', settings: ['inpatient'] },
  phantomBedDays: { chinese: '挂床住院', actor: 'hospital', article: '38', mechanic: 'addDays', items: 'other', settings: ['inpatient'] },
  overTreatment: { chinese: '过度诊疗、过度检查', actor: 'hospital', article: '38', mechanic: 'addItems', items: 'tests', settings: MEDICAL },
  excessPrescription: {
    chinese: '分解处方、超量开药、重复开药',
    actor: 'institution',
    article: '38',
    mechanic: 'addItems',
    items: 'drugs',
    settings: ['outpatient', 'chronic', 'pharmacy'],
  },
  duplicateCharging: { chinese: '重复收费', actor: 'hospital', article: '38', mechanic: 'addCopy', items: 'asBilled', settings: MEDICAL, sameDay: true },
  overCharging: { chinese: '超标准收费、分解项目收费', actor: 'hospital', article: '38', mechanic: 'addItems', items: 'asBilled', settings: MEDICAL },
  substitution: { chinese: '串换药品、医用耗材、诊疗项目', actor: 'institution', article: '38', mechanic: 'reclassify', items: 'asBilled', settings: SETTINGS },
  outOfScope: { chinese: '将基金支付范围外的医药费用纳入结算', actor: 'hospital', article: '38', mechanic: 'reclassify', items: 'asBilled', settings: MEDICAL },
  inventedServices: { chinese: '虚构医药服务项目', actor: 'hospital', article: '40', mechanic: 'addCopy', items: 'tests', settings: VISITS },
  forgedRecords: { chinese: '伪造医疗文书、虚假住院', actor: 'hospital', article: '40', mechanic: 'forgeAdmission', items: 'other', settings: ['outpatient'] },
  cashOut: { chinese: '虚假购药套现', actor: 'pharmacy', article: '40', mechanic: 'addCopy', items: 'drugs', settings: ['pharmacy'], sameDay: true },
  pharmacyResale: { chinese: '回收药品再销售', actor: 'pharmacy', article: '38', mechanic: 'addCopy', items: 'drugs', settings: ['pharmacy'] },
  cardLending: { chinese: '将医保凭证交由他人冒名使用', actor: 'person', article: '41.1', mechanic: 'addCopy', items: 'asBilled', settings: ['outpatient', 'pharmacy'] },
  drugResale: { chinese: '转卖药品', actor: 'person', article: '41.1', mechanic: 'addItems', items: 'drugs', settings: ['outpatient', 'chronic', 'pharmacy'] },
  doubleBenefit: {
    chinese: '重复享受医疗保障待遇',
    actor: 'person',
    article: '41.1',
    mechanic: 'addCopy',
    items: 'asBilled',
    settings: ['outpatient', 'chronic', 'inpatient', 'pharmacy'],
    sameDay: true,
  },
};

export const INSTITUTION_BEHAVIOURS = BEHAVIOURS.filter((b) => BEHAVIOUR_INFO[b].actor !== 'person');
export const PERSON_BEHAVIOURS = BEHAVIOURS.filter((b) => BEHAVIOUR_INFO[b].actor === 'person');
/** Institution behaviours by position in INSTITUTION_BEHAVIOURS (the per-institution sums' order). */
export const NIB = INSTITUTION_BEHAVIOURS.length;
export const NPB = PERSON_BEHAVIOURS.length;

/** Bit of a setting in a settings mask. */
export const settingMask = (settings: readonly Setting[]): number => settings.reduce((m, s) => m | (1 << SETTINGS.indexOf(s)), 0);

/** A behaviour for a reader, e.g. "over treatment 过度诊疗、过度检查" (tables key it by its code). */
export function behaviourWords(b: Behaviour): string {
  return `${termWords(b)} ${BEHAVIOUR_INFO[b].chinese}`;
}
