/**
 * A hospital's 甲类 share as its patients meet it (lifecycle.terms, compliance.ts): each claim it treats is
 * re-split between 甲类 and 乙类 so that 甲类 is the hospital's share of the claim's bill, rounded to the fen
 * and at most the claim's in-scope cost (甲 + 乙). The bill, the 丙类 part and the in-scope total stay as
 * generated, so only what 乙类先行自付 and the class ratios take moves. Claims with no institution (out of
 * area, none open) and pharmacy purchases (NaN share) keep their split.
 */
import type { ClaimColumns } from '../settlement/columns.js';
import { roundHalfUp } from '../money/fen.js';

/** Math.round without a branch (money/fen.ts). */
const round = roundHalfUp;

export function applyClassAShares(share: Float64Array, claims: Pick<ClaimColumns, 'length' | 'classA' | 'classB' | 'classC'>, institution: Int32Array): void {
  const { classA, classB, classC } = claims;
  for (let c = 0; c < claims.length; c++) {
    const i = institution[c]!;
    if (i < 0) continue;
    const s = share[i]!;
    if (Number.isNaN(s)) continue;
    const inScope = classA[c]! + classB[c]!;
    const a = Math.min(inScope, round((inScope + classC[c]!) * s));
    classA[c] = a;
    classB[c] = inScope - a;
  }
}
