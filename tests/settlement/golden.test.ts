/**
 * Worked examples (fixtures/golden.yaml), each citing its source or showing its arithmetic: both the
 * reference and the kernel must give the full split of every claim, to the fen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/cli/paths.js';
import { yuanToFen } from '../../src/money/fen.js';
import { loadPolicy } from '../../src/policy/load.js';
import { deepMerge } from '../../src/policy/reform.js';
import { policySchema, type Policy } from '../../src/policy/schema.js';
import { CAUSES, COMPONENTS, LEVELS, LOCATIONS, PAYERS, PERSON_TYPES, SETTINGS } from '../../src/policy/vocabulary.js';
import { allocateAccumulators, allocateResults } from '../../src/settlement/columns.js';
import { compilePolicy } from '../../src/settlement/compile.js';
import { settleBatch } from '../../src/settlement/kernel.js';
import { claimColumns, personColumns, splitAt } from '../../src/settlement/objects.js';
import { settleReference } from '../../src/settlement/reference.js';
import type { Accumulators, Claim, Person, Split } from '../../src/settlement/types.js';

const yuan = z.number();
const SPLIT_FIELDS = [...COMPONENTS, ...PAYERS.filter((p) => p !== 'pooledFund')];
const splitSchema = z.strictObject(Object.fromEntries(SPLIT_FIELDS.map((f) => [f, yuan])));

const caseSchema = z.strictObject({
  name: z.string(),
  source: z.string().min(10),
  policy: z.string(),
  override: z.record(z.string(), z.unknown()).optional(),
  person: z.strictObject({
    type: z.enum(PERSON_TYPES),
    account: yuan.default(0),
    family: yuan.default(0),
    assistance: z.boolean().default(false),
    poverty: z.boolean().default(false),
  }),
  claims: z
    .array(
      z.strictObject({
        claim: z.strictObject({
          date: z.string(),
          setting: z.enum(SETTINGS),
          level: z.enum(LEVELS),
          location: z.enum(LOCATIONS).default('local'),
          cause: z.enum(CAUSES).default('illness'),
          classA: yuan.default(0),
          classB: yuan.default(0),
          classC: yuan.default(0),
          newAdmission: z.boolean().optional(),
          admitted: z.boolean().default(false),
        }),
        split: splitSchema,
      }),
    )
    .min(1),
});
type GoldenCase = z.output<typeof caseSchema>;

const fixture = YAML.parse(readFileSync(join(__dirname, 'fixtures', 'golden.yaml'), 'utf8')) as unknown;
const cases = z.array(caseSchema).parse(fixture);

function policyOf(c: GoldenCase): Policy {
  const loaded = loadPolicy(join(packageRoot(), 'scenarios', 'policies', c.policy));
  return c.override ? policySchema.parse(deepMerge(loaded.raw, c.override)) : loaded.policy;
}

function personOf(c: GoldenCase): Person {
  const p = c.person;
  return { type: p.type, accountBalance: yuanToFen(p.account), familyAccountBalance: yuanToFen(p.family), assistanceEligible: p.assistance, povertyRegistered: p.poverty };
}

function claimsOf(c: GoldenCase): Claim[] {
  return c.claims.map(({ claim }) => ({
    ...claim,
    classA: yuanToFen(claim.classA),
    classB: yuanToFen(claim.classB),
    classC: yuanToFen(claim.classC),
    newAdmission: claim.newAdmission ?? claim.setting === 'inpatient',
  }));
}

function expectedSplit(claim: Claim, written: Record<string, number>): Split {
  const split = { bill: claim.classA + claim.classB + claim.classC } as Split;
  for (const f of SPLIT_FIELDS) split[f] = yuanToFen(written[f]!);
  return split;
}

describe('golden settlement examples', () => {
  it('has at least 20 cases, each written with a conserving split', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      for (const [k, row] of c.claims.entries()) {
        const s = expectedSplit(claimsOf(c)[k]!, row.split);
        const where = `${c.name}, claim ${k + 1}`;
        expect(COMPONENTS.reduce((sum, f) => sum + s[f], 0), `${where}: components`).toBe(s.bill);
        expect(PAYERS.reduce((sum, f) => sum + s[f], 0), `${where}: payers`).toBe(s.bill);
      }
    }
  });

  for (const c of cases) {
    it(c.name, () => {
      const policy = policyOf(c);
      const person = personOf(c);
      const claims = claimsOf(c);
      const expected = claims.map((claim, k) => expectedSplit(claim, c.claims[k]!.split));

      let acc: Accumulators | undefined;
      let now = person;
      const reference = claims.map((claim) => {
        const s = settleReference(policy, now, acc, claim);
        acc = s.accumulators;
        now = { ...now, accountBalance: s.accountBalance, familyAccountBalance: s.familyAccountBalance };
        return s.split;
      });
      expect(reference).toEqual(expected);

      const cols = claimColumns(claims.map((claim) => ({ person: 0, claim })));
      const out = allocateResults(claims.length);
      settleBatch(compilePolicy(policy), cols, personColumns([person]), allocateAccumulators(1), out);
      expect(claims.map((_, i) => splitAt(out, cols, i))).toEqual(expected);
    });
  }
});
