/** Hand-made members and claims for the supervision tests, with the provider columns applyBehaviours reads. */
import { allocateChannels, type Channels } from '../../src/cashflow/channel.js';
import type { ClaimBuffer } from '../../src/claims/buffer.js';
import { HOSPITAL, PHARMACY } from '../../src/institutions/vocabulary.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { allocateMembers, type MemberBlock } from '../../src/population/block.js';
import { runKeys } from '../../src/random/keys.js';
import { supervisionAssumptions, type SupervisionAssumptionsInput } from '../../src/supervision/assumptions.js';
import { applyBehaviours } from '../../src/supervision/apply.js';
import { NIB, type Behaviour, BEHAVIOURS } from '../../src/supervision/behaviours.js';
import { allocateSupervisedClaims, type SupervisedClaims } from '../../src/supervision/claims.js';
import { compileSupervision } from '../../src/supervision/compile.js';
import { allocateMemberSupervision, type MemberSupervision } from '../../src/supervision/members.js';
import { buildClaims, type ClaimSpec as BaseClaimSpec } from '../institutions/claims.js';

export const YEAR = 2022;
export const keys = runKeys(7);

/** Institutions of the tests: 0 and 1 hospitals, 2 a pharmacy. */
export const INSTITUTION_TYPE = Uint8Array.from([HOSPITAL, HOSPITAL, PHARMACY]);

/** The institution tests' claim, with a cause and the provider columns. */
export interface ClaimSpec extends BaseClaimSpec {
  institution?: number;
  cause?: number;
  channel?: number;
  group?: number;
}

export interface ClaimSet {
  members: MemberBlock;
  claims: ClaimBuffer;
  institution: Int32Array;
  group: Int16Array;
  channels: Channels;
}

/** Members 0..n-1 (slot = index, in-service, age 40 unless given) and their claims in date order. */
export function claimSet(perMember: ClaimSpec[][], ages: number[] = []): ClaimSet {
  const n = perMember.length;
  const total = perMember.reduce((s, m) => s + m.length, 0);
  const members = allocateMembers(n);
  members.year = YEAR;
  for (let i = 0; i < n; i++) {
    members.slot[i] = i;
    members.alive[i] = 1;
    members.age[i] = ages[i] ?? 40;
    members.leaveDay[i] = -1;
  }
  // The claim columns as the institution tests build them; then what only supervision reads.
  const { claims } = buildClaims(perMember);
  const institution = new Int32Array(Math.max(1, total));
  const group = new Int16Array(Math.max(1, total)).fill(-1);
  const channels = allocateChannels(Math.max(1, total));
  perMember.flat().forEach((s, c) => {
    claims.cause[c] = s.cause ?? 0;
    institution[c] = s.institution ?? (s.setting === 'pharmacy' ? 2 : 0);
    group[c] = s.group ?? -1;
    channels.channel[c] = s.channel ?? 0;
    channels.paidDay[c] = s.channel ? s.day : -1;
    channels.reimbursedDay[c] = s.channel ? s.day + 30 : -1;
  });
  return { members, claims, institution, group, channels };
}

/** Assumptions with every behaviour off but the ones given (prevalence and claimShare 1 unless set). */
export function only(on: Partial<Record<Behaviour, { size?: number; claimShare?: number; prevalence?: number; intent?: number }>>, more: SupervisionAssumptionsInput = {}) {
  const behaviours = Object.fromEntries(
    BEHAVIOURS.map((b) => [b, on[b] ? { prevalence: 1, claimShare: 1, ...on[b] } : { prevalence: 0 }]),
  ) as SupervisionAssumptionsInput['behaviours'];
  return supervisionAssumptions.parse({ ...more, enabled: true, behaviours });
}

/** Every institution engages in every institution behaviour the assumptions switch on (prevalence above 0). */
export function everyoneEngaged(a: ReturnType<typeof only>, institutions = INSTITUTION_TYPE.length): Uint8Array {
  const out = new Uint8Array(institutions * NIB);
  for (let i = 0; i < institutions; i++) for (let b = 0; b < NIB; b++) out[i * NIB + b] = a.behaviours[BEHAVIOURS[b]!].prevalence > 0 ? 1 : 0;
  return out;
}

export interface Applied {
  out: SupervisedClaims;
  state: MemberSupervision;
  suspendedClaims: number;
}

export function apply(set: ClaimSet, a: ReturnType<typeof only>, options: { engaged?: Uint8Array; state?: MemberSupervision; suspendedChannel?: number } = {}): Applied {
  const out = allocateSupervisedClaims(4, set.members.length);
  const state = options.state ?? allocateMemberSupervision(set.members.length);
  const counts = applyBehaviours(
    compileSupervision(a),
    {
      keys,
      path: 0,
      year: YEAR,
      members: set.members,
      claims: set.claims,
      institution: set.institution,
      group: set.group,
      channels: set.channels,
      institutionType: INSTITUTION_TYPE,
      engaged: options.engaged ?? everyoneEngaged(a),
      state,
      suspendedChannel: options.suspendedChannel ?? 6,
    },
    out,
  );
  return { out, state, suspendedClaims: counts.suspendedClaims };
}

/** Row r of the supervised claims as a plain object. */
export function row(s: SupervisedClaims, r: number) {
  const c = s.claims;
  return {
    setting: SETTINGS[c.setting[r]!],
    day: c.day[r],
    classA: c.classA[r],
    classB: c.classB[r],
    classC: c.classC[r],
    cause: c.cause[r],
    flags: c.flags[r],
    lengthOfStay: c.lengthOfStay[r],
    label: s.label[r] === 0 ? null : BEHAVIOURS[s.label[r]! - 1],
    added: s.added[r],
    source: s.source[r],
    institution: s.institution[r],
  };
}

export const rows = (s: SupervisedClaims) => Array.from({ length: s.claims.length }, (_, r) => row(s, r));
