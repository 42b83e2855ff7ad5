/** Schema pieces shared by the projection and fund assumptions. */
import { z } from 'zod';

export const fourDecimals = (x: number) => Math.abs(Math.round(x * 10_000) - x * 10_000) < 1e-6;

/** A table keyed by calendar year, written `"2022": value` (YAML keys are text). */
export function yearTable<S extends z.ZodType>(value: S) {
  return z.record(z.string(), value).superRefine((table, ctx) => {
    for (const key of Object.keys(table)) {
      if (!/^\d{4}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'the key must be a year written YYYY' });
    }
  });
}
