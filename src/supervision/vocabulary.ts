/**
 * The words of supervision sanctions (医保基金监管行政处罚): who is sanctioned, the degrees of a
 * discretion table (裁量基准), the kinds of sanction and the case facts that select a tier.
 * Each carries its Chinese term, used in explanations beside the English.
 */

/** Who committed the violation. 条例 Art 37: agencies; Arts 38–40: institutions; Art 41: individuals. */
export const ACTORS = ['handlingAgency', 'designatedInstitution', 'insuredPerson', 'uninsuredPerson'] as const;
export type Actor = (typeof ACTORS)[number];
export const ACTOR_WORDS: Record<Actor, string> = {
  handlingAgency: 'handling agency (医疗保障经办机构)',
  designatedInstitution: 'designated hospital or pharmacy (定点医药机构)',
  insuredPerson: 'insured person (参保人员)',
  uninsuredPerson: 'individual who is not insured (非参保个人)',
};

/**
 * Degrees of a tier. A discretion table writes them 减轻 (reduced below the statutory range), 从轻
 * (lenient, low in the range), 一般 (standard), 从重 (aggravated) and 不予处罚 (no penalty, an interview
 * only); `statutory` is the statute's own range, used by the national base file.
 */
export const DEGREES = ['noPenalty', 'reduced', 'lenient', 'standard', 'aggravated', 'statutory'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_WORDS: Record<Degree, string> = {
  noPenalty: 'no penalty (不予处罚)',
  reduced: 'reduced (减轻处罚)',
  lenient: 'lenient (从轻处罚)',
  standard: 'standard (一般处罚)',
  aggravated: 'aggravated (从重处罚)',
  statutory: 'statutory range (法定幅度)',
};

export const SANCTION_KINDS = [
  'correct',
  'return',
  'interview',
  'fine',
  'suspendDepartment',
  'suspendSettlement',
  'terminateAgreement',
  'discipline',
  'revokeLicence',
] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** With whom an admonition interview (约谈) is held. */
export const INTERVIEWEES = ['responsiblePerson', 'party'] as const;
export type Interviewee = (typeof INTERVIEWEES)[number];

/** The yes/no facts of a case, as the discretion tables and 通例 (Arts 7–11 of the Jiangxi rules) define them. */
export const FLAGS = [
  'firstOffence',
  'correctedInTime',
  'refusedToCorrect',
  'obstruction',
  'selfInspection',
  'individualConduct',
  'allFromPersonalAccount',
  'serious',
] as const;
export type Flag = (typeof FLAGS)[number];

export interface FlagWords {
  /** The command-line flag. */
  option: string;
  words: string;
  help: string;
}

export const FLAG_WORDS: Record<Flag, FlagWords> = {
  firstOffence: {
    option: '--first-offence',
    words: 'first offence (初次违法)',
    help: 'first offence (初次违法; 首次出现 in Art 38)',
  },
  correctedInTime: {
    option: '--corrected-in-time',
    words: 'corrected in time (及时改正)',
    help: 'returned the money before being ordered to (及时改正 / 及时退回; Jiangxi 第八条)',
  },
  refusedToCorrect: {
    option: '--refused-to-correct',
    words: 'refused to correct (拒不改正)',
    help: 'did not return the money after the order to return (责令改正拒不改正; Jiangxi 第九条)',
  },
  obstruction: {
    option: '--obstruction',
    words: 'obstruction (妨碍、阻挠或者抗拒调查)',
    help: 'refused inspection or gave false information, and refused to correct: counts as refusing to correct and is aggravated (从重; Jiangxi 第十条)',
  },
  selfInspection: {
    option: '--self-inspection',
    words: 'found by its own self-inspection (主动自查自纠发现)',
    help: 'the institution found the violation by its own self-inspection, not in an administrative inspection (Art 38)',
  },
  individualConduct: {
    option: '--individual-conduct',
    words: "an individual's or single department's conduct (个别人或个别部门行为)",
    help: "the conduct of an individual person or a single department of the institution (Art 38)",
  },
  allFromPersonalAccount: {
    option: '--personal-account',
    words: 'all paid from the personal account (均由医保个人账户支付)',
    help: 'all the money was paid from the personal account (医保个人账户; Art 41)',
  },
  serious: {
    option: '--serious',
    words: 'serious (情节严重 / 造成严重后果)',
    help: 'serious circumstances or consequences (Art 38: 造成严重后果; Art 39: 情节严重 with a major hazard to fund management, a major impact on supervision or an egregious social impact)',
  },
};
