/**
 * One-at-a-time sensitivity (敏感性分析): each assumption moved to its low and then its high value with
 * the rest at base, the outcome recorded, rows sorted by swing |high − low|, widest first (ties keep
 * the given order). The runs are awaited one after another, in the order given.
 */
export interface SensitivityRuns {
  assumption: string;
  /** The outcome with this assumption at its low value. */
  low: () => number | Promise<number>;
  /** The outcome with this assumption at its high value. */
  high: () => number | Promise<number>;
}

export interface SensitivityRow {
  assumption: string;
  low: number;
  high: number;
  base: number;
  swing: number;
}

export async function tornado(base: number, runs: readonly SensitivityRuns[]): Promise<SensitivityRow[]> {
  const problems: string[] = [];
  if (!Number.isFinite(base)) problems.push(`the base outcome must be a finite number, got ${base}`);
  if (runs.length === 0) problems.push('no assumptions to vary');
  const names = runs.map((r) => r.assumption);
  const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (repeated.length > 0) problems.push(`assumptions named more than once: ${repeated.join(', ')}`);
  if (problems.length > 0) throw new RangeError(`tornado: ${problems.join('; ')}`);

  const rows: SensitivityRow[] = [];
  for (const run of runs) {
    const low = await run.low();
    const high = await run.high();
    for (const [end, value] of [['low', low], ['high', high]] as const) {
      if (!Number.isFinite(value)) throw new RangeError(`tornado: the ${end} run of "${run.assumption}" returned ${value}, not a finite number`);
    }
    rows.push({ assumption: run.assumption, low, high, base, swing: Math.abs(high - low) });
  }
  return rows.sort((a, b) => b.swing - a.swing);
}
