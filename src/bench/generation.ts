/**
 * Generation throughput on one thread: member creation, a year of population dynamics, a year of claims
 * (member-years/s and claims/s), and claims generated and settled together under the default policy,
 * the engine's inner loop. Members are processed in chunks, as workers do, with one reused claim buffer.
 */
import { defaultPolicyFile } from '../cli/paths.js';
import { utilisationAssumptions } from '../claims/assumptions.js';
import { allocateClaimBuffer } from '../claims/buffer.js';
import { generateClaims } from '../claims/generate.js';
import { claimsMacroAt } from '../claims/inflation.js';
import { loadPolicy } from '../policy/load.js';
import { populationAssumptions } from '../population/assumptions.js';
import { macroAssumptions, macroPath } from '../projection/macro.js';
import { advanceYear } from '../population/dynamics.js';
import { createMembers } from '../population/members.js';
import { fillPersonColumns } from '../population/persons.js';
import { runKeys } from '../random/keys.js';
import { allocateAccumulators, allocatePersons, allocateResults } from '../settlement/columns.js';
import { compilePolicy } from '../settlement/compile.js';
import { settleBatch } from '../settlement/kernel.js';
import { formatRate, seconds, timed, type Bench } from './bench.js';

const MEMBERS = 200_000;
const CHUNK = 10_000;
const BASE_YEAR = 2021;

export const generationBench: Bench = {
  name: 'generation',
  run(log) {
    const population = populationAssumptions.parse({});
    const utilisation = utilisationAssumptions.parse({});
    const policy = loadPolicy(defaultPolicyFile()).policy;
    const compiled = compilePolicy(policy);
    const keys = runKeys(1);
    const chunks = Array.from({ length: MEMBERS / CHUNK }, (_, k) => k * CHUNK);
    const buffer = allocateClaimBuffer(CHUNK * 6, CHUNK);
    // The default macro path's second year, as the engine passes it.
    const year = BASE_YEAR + 1;
    const m = macroPath(macroAssumptions.parse({}), keys, 0, [BASE_YEAR, year]).years[1]!;
    const populationMacro = { year, wageIndex: m.wageIndex.toNumber(), wageGrowth: m.wageGrowth.toNumber() };
    const claimsMacro = claimsMacroAt(utilisation, year, m.costIndex.toNumber());
    generateClaims(utilisation, keys, 0, BASE_YEAR, createMembers(population, keys, 0, 0, CHUNK, BASE_YEAR), buffer, { macro: claimsMacroAt(utilisation, BASE_YEAR, 1) }); // warm-up

    const created = timed(() => chunks.map((from) => createMembers(population, keys, 0, from, from + CHUNK, BASE_YEAR)));
    const blocks = created.result;
    log(`generation: ${MEMBERS} members created in ${seconds(created.seconds)} (${(MEMBERS / created.seconds / 1e6).toFixed(2)} million members/s)`);
    const advanced = timed(() => blocks.forEach((b) => advanceYear(population, keys, 0, b, year, populationMacro)));
    log(`generation: a year of dynamics in ${seconds(advanced.seconds)} (${(MEMBERS / advanced.seconds / 1e6).toFixed(2)} million member-years/s)`);

    const generated = timed(() => {
      let claims = 0;
      for (const b of blocks) {
        generateClaims(utilisation, keys, 0, year, b, buffer, { macro: claimsMacro });
        claims += buffer.length;
      }
      return claims;
    });
    log(
      `generation: ${generated.result} claims for ${MEMBERS} member-years in ${seconds(generated.seconds)}: ` +
        `${(MEMBERS / generated.seconds / 1e6).toFixed(2)} million member-years/s, ${formatRate(generated.result / generated.seconds)}`,
    );

    const persons = allocatePersons(CHUNK);
    const acc = allocateAccumulators(CHUNK);
    let out = allocateResults(CHUNK * 6);
    const both = timed(() => {
      let claims = 0;
      for (const b of blocks) {
        generateClaims(utilisation, keys, 0, year, b, buffer, { macro: claimsMacro });
        fillPersonColumns(b, persons);
        acc.fill(0);
        if (out.length < buffer.length * 12) out = allocateResults(buffer.capacity);
        settleBatch(compiled, buffer, persons, acc, out);
        claims += buffer.length;
      }
      return claims;
    });
    log(`generation: generated and settled together: ${formatRate(both.result / both.seconds)} (${seconds(both.seconds)})`);
  },
};
