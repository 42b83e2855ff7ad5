/**
 * A sizing lever (`yibao solve --lever`): what it moves, which way a policy field moves spending, the digits
 * its values are set to, and the tolerance it is sized to.
 */
export type Lever =
  | { kind: 'residentSubsidy'; lo: number; hi: number; tolerance?: number }
  | { kind: 'employerRate'; lo: number; hi: number; tolerance?: number }
  /** `decreasing`: the target gets harder as the field rises (a ratio, a cap), so the answer is the largest value meeting it. */
  | { kind: 'policy'; path: string; lo: number; hi: number; tolerance?: number; decreasing?: boolean };

/**
 * Which way a policy field moves pooled spending, read from its name: deductibles (起付线), first self-pay
 * shares (先行自付) and ratio reductions lower it as they rise; ratios (报销比例), caps (封顶线) and amounts raise
 * it. null when the name says neither, and the caller must ask.
 */
export function policyLeverDirection(path: string): 'lowersSpending' | 'raisesSpending' | null {
  const last = path.split('.').filter((k) => /[a-z]/i.test(k));
  const lowers = /deductible|selfpay|reduction|minclaim|minhistoricbalance|minremaining/i;
  const raises = /ratio|cap|amount/i;
  for (let i = last.length - 1; i >= 0; i--) {
    if (lowers.test(last[i]!)) return 'lowersSpending';
    if (raises.test(last[i]!)) return 'raisesSpending';
  }
  return null;
}

/** Precision of the answer when the caller gives none, in the lever's unit: half a yuan, a basis point, a 64th of the range. */
export const DEFAULT_TOLERANCE = { residentSubsidy: 0.5, employerRate: 0.0001, policyRangeShare: 1 / 64 } as const;

/** The precision a lever is sized to: the caller's, or DEFAULT_TOLERANCE's (never finer than the lever's values are set). */
export function leverTolerance(lever: Lever): number {
  if (lever.tolerance !== undefined) return lever.tolerance;
  if (lever.kind === 'policy') return Math.max(Math.abs(lever.hi - lever.lo) * DEFAULT_TOLERANCE.policyRangeShare, leverResolution(lever));
  return DEFAULT_TOLERANCE[lever.kind];
}

/** Decimals a lever's value is told in: yuan to the fen, rates and shares to 4 places (what the policy schema accepts). */
export function leverDigits(lever: Lever): number {
  if (lever.kind === 'residentSubsidy') return 2;
  if (lever.kind === 'employerRate') return 4;
  return Math.max(Math.abs(lever.lo), Math.abs(lever.hi)) <= 1 ? 4 : 2;
}

/** A lever's value as answers and reports tell it: a rate in percent to 2 places ("6.50%"), else to the lever's digits. */
export function leverText(lever: Lever, x: number): string {
  if (lever.kind === 'employerRate') return `${(x * 100).toFixed(leverDigits(lever) - 2)}%`;
  return x.toFixed(leverDigits(lever));
}

/** The finest step a lever's value takes: it is set to the fen or to 4 decimals, so a finer tolerance only re-runs equal values. */
export function leverResolution(lever: Lever): number {
  return 1 / 10 ** leverDigits(lever); // 10 ** -4 is 0.00009999999999999999
}

/**
 * Why the tolerance cannot size the lever over its range, or null: at least as wide as the range (the answer
 * would be an end of it), or finer than the lever's values are set.
 */
export function toleranceProblem(lever: Lever): 'wide' | 'fine' | null {
  const tolerance = leverTolerance(lever);
  if (tolerance >= lever.hi - lever.lo) return 'wide';
  // A hair below the resolution is it, written as a percentage: 0.01% is 0.00009999999999999999.
  if (tolerance < leverResolution(lever) * (1 - 1e-9)) return 'fine';
  return null;
}

export type PerPathLever = Exclude<Lever, { kind: 'policy' }>;
export type PolicyLever = Extract<Lever, { kind: 'policy' }>;
