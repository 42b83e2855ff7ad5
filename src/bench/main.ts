/**
 * `npm run bench`: runs every registered benchmark in order (or those named on the command line) and
 * prints their figures. To add one, write a module exporting a `Bench` (see bench.ts) and append it to
 * BENCHES.
 */
import type { Bench } from './bench.js';
import { defaultScenarioBench, engineBench, engineMemoryBench } from './engine.js';
import { generationBench } from './generation.js';
import { settlementBench } from './settlement.js';
import { stagesBench } from './stages.js';

export const BENCHES: Bench[] = [settlementBench, generationBench, stagesBench, engineBench, defaultScenarioBench, engineMemoryBench];

export async function runBenches(names: readonly string[], log: (line: string) => void = console.log): Promise<void> {
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  if (!(globalThis as { gc?: unknown }).gc) log('(run node with --expose-gc for steadier figures)');
  log(`node ${process.version}, ${process.arch}`);
  for (const bench of BENCHES) if (names.length === 0 || names.includes(bench.name)) await bench.run(log);
}

if (require.main === module) {
  // Flags such as --full are read by the benches themselves.
  runBenches(process.argv.slice(2).filter((a) => !a.startsWith('--'))).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
