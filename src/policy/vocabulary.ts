/**
 * The domain's words, each with a stable integer code used by the columnar kernel.
 * Order matters: codes are array indices in compiled policy tables and claim columns.
 */

/** Insurance schemes: 职工医保 (employee) and 城乡居民医保 (resident). */
export const SCHEMES = ['employee', 'resident'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * Person types, scheme-qualified. Employee: 在职 inService, 退休 retired.
 * Resident: adult (成年居民), child (中小学生儿童 and students), elderly (老年居民, as the region defines).
 */
export const PERSON_TYPES = ['inService', 'retired', 'adult', 'child', 'elderly'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];
export const EMPLOYEE_TYPES = ['inService', 'retired'] as const satisfies readonly PersonType[];
export const RESIDENT_TYPES = ['adult', 'child', 'elderly'] as const satisfies readonly PersonType[];

export function schemeOf(type: PersonType): Scheme {
  return type === 'inService' || type === 'retired' ? 'employee' : 'resident';
}

/**
 * Care settings. outpatient = general outpatient pooling (门诊统筹); chronic = chronic and special-disease
 * outpatient (门诊慢特病); inpatient = 住院; pharmacy = designated pharmacy purchase (定点药店);
 * emergencyObservation = 急诊留观, settled as inpatient when it converts to an admission, else as outpatient.
 */
export const SETTINGS = ['outpatient', 'chronic', 'inpatient', 'pharmacy', 'emergencyObservation'] as const;
export type Setting = (typeof SETTINGS)[number];
/** Settings that carry their own benefit table (emergency observation borrows one). */
export const BENEFIT_SETTINGS = ['outpatient', 'chronic', 'inpatient', 'pharmacy'] as const;
export type BenefitSetting = (typeof BENEFIT_SETTINGS)[number];

/** Hospital levels: community (社区卫生服务机构), 一级 primary, 二级 secondary, 三级 tertiary. */
export const LEVELS = ['community', 'primary', 'secondary', 'tertiary'] as const;
export type Level = (typeof LEVELS)[number];

/** Where care happens: local, or out of area (异地就医) with or without registration (备案). */
export const LOCATIONS = ['local', 'outOfAreaRegistered', 'outOfAreaUnregistered'] as const;
export type Location = (typeof LOCATIONS)[number];

/**
 * Causes of a claim. Seed 000 lists the causes the pooled fund never pays: crime, drunkenness,
 * suicide or self-harm, work injury, maternity (its own insurance), traffic accidents and other
 * third-party liability, medical accidents.
 */
export const CAUSES = [
  'illness',
  'crime',
  'drunkenness',
  'selfHarm',
  'workInjury',
  'maternity',
  'trafficAccident',
  'thirdPartyLiability',
  'medicalAccident',
] as const;
export type Cause = (typeof CAUSES)[number];

/**
 * How a bill splits by cost component (费用分段). The six add up to the bill:
 * outOfScope (丙类/自费 and excluded causes), firstSelfPay (乙类先行自付 and out-of-area 先行自付),
 * deductible (起付线以下), pooledFund (统筹基金支付), copay (共付段个人负担), aboveCap (超封顶线).
 */
export const COMPONENTS = ['outOfScope', 'firstSelfPay', 'deductible', 'pooledFund', 'copay', 'aboveCap'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * Who pays the bill (支付方). They add up to the bill: pooledFund, seriousIllness (大病保险),
 * assistance (医疗救助), backstop (兜底保障), personalAccount (个人账户), familyAccount (家庭共济), cash (现金).
 */
export const PAYERS = [
  'pooledFund',
  'seriousIllness',
  'assistance',
  'backstop',
  'personalAccount',
  'familyAccount',
  'cash',
] as const;
export type Payer = (typeof PAYERS)[number];

/** Chinese terms, for explanations and reports. */
export const CHINESE: Record<string, string> = {
  employee: '职工医保',
  resident: '城乡居民医保',
  inService: '在职',
  retired: '退休',
  adult: '成年居民',
  child: '学生儿童',
  elderly: '老年居民',
  outpatient: '普通门诊(门诊统筹)',
  chronic: '门诊慢特病',
  inpatient: '住院',
  pharmacy: '定点药店',
  emergencyObservation: '急诊留观',
  community: '社区',
  primary: '一级',
  secondary: '二级',
  tertiary: '三级',
  local: '本地',
  outOfAreaRegistered: '异地就医(已备案)',
  outOfAreaUnregistered: '异地就医(未备案)',
  outOfScope: '自费(丙类及不予支付)',
  firstSelfPay: '先行自付',
  deductible: '起付线',
  pooledFund: '统筹基金',
  copay: '共付段个人负担',
  aboveCap: '超封顶线',
  seriousIllness: '大病保险',
  assistance: '医疗救助',
  backstop: '兜底保障',
  personalAccount: '个人账户',
  familyAccount: '家庭共济',
  cash: '现金',
};
