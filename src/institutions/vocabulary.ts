/**
 * Words of the designated-institution model (定点医药机构), each with a stable integer code.
 */

/** Designated hospitals (定点医疗机构, any level) and designated retail pharmacies (定点零售药店). */
export const INSTITUTION_TYPES = ['hospital', 'pharmacy'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const HOSPITAL = 0;
export const PHARMACY = 1;

/**
 * Where an institution stands under its service agreement (服务协议) in a month:
 * candidate: licensed, not designated (may apply); applied: awaiting the assessment (评估);
 * active: designated, patients' care is settled with the fund; suspended: agreement stopped for
 * rectification (停止服务协议…进行整改); terminated: agreement ended (终止), banned from re-applying until
 * the ban ends, then a candidate again.
 */
export const AGREEMENT_STATUSES = ['candidate', 'applied', 'active', 'suspended', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const STATUS = Object.fromEntries(AGREEMENT_STATUSES.map((s, i) => [s, i])) as Record<AgreementStatus, number>;

/**
 * Why an ended agreement bars re-entry, as Sichuan's 定点评估细则 (seed 003 篇三 Art 17) sorts it:
 * violation: 因违法违规被解除 (3 years); seriousBreach: 严重违反协议约定 (1 year);
 * fraudulentApplication: 以弄虚作假等不正当手段申请定点 (3 years from discovery);
 * controller: the legal representative or controller caused it (5 years).
 */
export const BAN_CATEGORIES = ['violation', 'seriousBreach', 'fraudulentApplication', 'controller'] as const;
export type BanCategory = (typeof BAN_CATEGORIES)[number];

/** An institution in no local table: care out of the pooling area (异地就医), or no institution of the level. */
export const NO_INSTITUTION = -1;
