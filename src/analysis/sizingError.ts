/**
 * Why a sizing solve stopped without an answer. `best` is the most favourable point evaluated, when a
 * target cannot be met in the range or the evaluation budget ran out.
 */
export type SizingFailure = 'range' | 'unreachable' | 'notBracketed' | 'evaluations';

export interface BestFound {
  x: number;
  /** The criterion there: the share of failing paths (per-path solver) or the target statistic. */
  criterion: number;
}

export class SizingError extends Error {
  constructor(
    readonly kind: SizingFailure,
    message: string,
    readonly best?: BestFound,
  ) {
    super(message);
    this.name = 'SizingError';
  }
}

/** A lever range [lo, hi] with lo < hi, both finite, and a positive tolerance. */
export function checkRange(lo: number, hi: number, tolerance: number): void {
  const problems: string[] = [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) problems.push(`the lever range must be finite numbers, got lo = ${lo}, hi = ${hi}`);
  else if (!(lo < hi)) problems.push(`the lever range needs lo < hi, got lo = ${lo}, hi = ${hi}`);
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) problems.push(`tolerance must be a positive number, got ${tolerance}`);
  if (problems.length > 0) throw new SizingError('range', problems.join('; '));
}
