/**
 * Drawing an institution-year's facts (what happens to it, and when) with keyed randomness: a pure
 * function of (seed, path, institution, year), one stream per kind of fact. Facts are drawn whatever
 * the institution's state, so a change elsewhere (another ground's chance, another institution's fate)
 * never moves them; lifecycle.ts decides which ones count.
 */
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { groundChance, type InstitutionAssumptions } from './assumptions.js';
import type { YearFacts } from './lifecycle.js';
import type { AgreementRules } from './rules.js';
import { INSTITUTION_GENERATION, INSTITUTION_STREAM } from '../random/streamIds.js';
import { HOSPITAL } from './vocabulary.js';
import { assessmentVerdict, drawTermFacts } from './compliance.js';

/** The Art 17(二) ground a positive rate below the floor is (the rule file's id). */
const POSITIVE_RATE = 'positiveRate';

export function drawYearFacts(
  a: InstitutionAssumptions,
  rules: AgreementRules,
  keys: RunKeys,
  path: number,
  institution: number,
  type: number,
  level: number,
  year: number,
  s: KeyedStream = new KeyedStream(keys),
): YearFacts {
  const life = a.lifecycle;
  // The agreement's terms as the hospital's own facts (compliance.ts), when the scenario asks for them.
  const terms = life.terms && type === HOSPITAL ? drawTermFacts(life.terms, rules, level, s.member(path, institution, INSTITUTION_GENERATION, year).select(INSTITUTION_STREAM.terms)) : undefined;
  const termCase = terms && !terms.positiveRateMet && rules.suspension.grounds.some((g) => g.id === POSITIVE_RATE);
  const { from, to } = rules.suspension.months;
  s.member(path, institution, INSTITUTION_GENERATION, year);
  const month = () => Math.floor(s.next() * 12);
  const length = () => from + Math.floor(s.next() * (to - from + 1));

  const cases: YearFacts['cases'] = [];
  rules.suspension.grounds.forEach((g, k) => {
    if (g.id === rules.suspension.failedAssessment) return;
    if (g.id === POSITIVE_RATE && terms && !Number.isNaN(terms.positiveRate)) {
      // The drawn positive rate decides this ground (compliance.ts), on the ground's own stream.
      if (termCase) {
        s.select(INSTITUTION_STREAM.suspensionBase + k).next(); // the chance's own draw, unused: month and length follow it as for any ground
        cases.push({ month: month(), ground: g.id, months: length() });
      }
      return;
    }
    if (s.select(INSTITUTION_STREAM.suspensionBase + k).next() < groundChance(life.suspension, g.id)) cases.push({ month: month(), ground: g.id, months: length() });
  });
  const terminations: YearFacts['terminations'] = [];
  rules.termination.grounds.forEach((g, k) => {
    if (s.select(INSTITUTION_STREAM.terminationBase + k).next() < groundChance(life.termination, g.id)) terminations.push({ month: month(), ground: g.id });
  });

  let chartSample: YearFacts['chartSample'] = null;
  const reviewChance = type === HOSPITAL ? life.chartReview.hospital : life.chartReview.pharmacy;
  if (s.select(INSTITUTION_STREAM.chartSample).next() < reviewChance) {
    const at = month();
    // The sample's other findings, and the item-level terms the hospital breaks (compliance.ts).
    const share = Math.min(1, life.nonCompliantShare.median * Math.exp(life.nonCompliantShare.sigma * s.normal()) + (terms?.itemsNonCompliant ?? 0));
    chartSample = { month: at, nonCompliantShare: share, months: length() };
  }

  const draw = assessmentDraw(s, path, institution, year);
  const verdict = assessmentVerdict(life.assessmentFailure, life.terms, terms, draw);
  const assessment = { draw, failed: verdict.failed, cause: verdict.cause, months: length() };

  let application: YearFacts['application'] = null;
  if (s.select(INSTITUTION_STREAM.application).next() < life.application) {
    const at = month();
    application = { month: at, score: Math.min(100, Math.max(0, life.score.mean + life.score.sd * s.normal())) };
  }
  const fraudulentApplication = s.select(INSTITUTION_STREAM.fraudulentApplication).next() < life.fraudulentApplication ? month() : null;
  const controllerCaused = s.select(INSTITUTION_STREAM.controllerCaused).next() < life.controllerCaused;
  return { cases, chartSample, terminations, assessment, application, fraudulentApplication, controllerCaused, terms };
}

/**
 * The annual assessment's keyed uniform of an institution-year: it fails when the draw is below its
 * failure chance. Clearing reads the same draw to raise that chance for a missed 甲类 share (classAShare.ts),
 * so a higher chance only adds failures.
 */
export function assessmentDraw(s: KeyedStream, path: number, institution: number, year: number): number {
  return s.member(path, institution, INSTITUTION_GENERATION, year).select(INSTITUTION_STREAM.assessment).next();
}
