import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMeasures } from '../../src/analysis/claimMeasures.js';
import { summaryByYear } from '../../src/analysis/cubeTables.js';
import { exportTables } from '../../src/analysis/export.js';
import { RESULT_MARK } from '../../src/io/atomic.js';
import { frameCells, toFrame, toFrames } from '../../src/analysis/frame.js';
import { simulationTables } from '../../src/analysis/tables.js';
import { tornado } from '../../src/analysis/tornado.js';
import { syntheticCube } from './cubes.js';

/** RFC 4180 fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
  return parquetReadObjects({ file: await asyncBufferFromFile(file) });
}

const cube = syntheticCube({ years: [2025, 2026], paths: 3, variants: ['baseline'], weight: 1000 }, (w, _v, p, y) => {
  w.claims('retired', 'inpatient', 'secondary', { count: 1, episodes: 1, bill: 123_457 * (p + 1) + y, deductible: 1_000, pooledFund: 100_001 * (p + 1), copay: 7, cash: 3 });
  w.members('retired', '65-74', { memberYears: 3 });
});

let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'yibao-analysis-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('tables as DataFrames', () => {
  it('keeps the columns in order and the values as given', () => {
    const frame = toFrame([
      { year: 2025, metric: 'pooled_fund_yuan', mean: 1.5 },
      { year: 2026, metric: 'pooled_fund_yuan', mean: NaN },
    ]);
    expect(frame.columns).toEqual(['year', 'metric', 'mean']);
    expect(frame.shape).toEqual([2, 3]);
    // Missing stays NaN in the frame, becomes null for export.
    expect(frameCells(frame).rows).toEqual([
      [2025, 'pooled_fund_yuan', 1.5],
      [2026, 'pooled_fund_yuan', null],
    ]);
  });

  it('exports numbers to 15 significant digits: a sum\'s binary noise goes, no digit that means something does', () => {
    const frame = toFrame([{ noisy: 0.1 + 0.2, sum: 25.157500000000002, money: 7_888_951_248.932499, big: 2 ** 53, tiny: 1.234e-12 }]);
    expect(frameCells(frame).rows).toEqual([[0.3, 25.1575, 7_888_951_248.9325, 2 ** 53, 1.234e-12]]);
  });

  it('refuses rows with different columns or values that are not cells', () => {
    expect(() => toFrame([{ a: 1 }, { b: 1 }])).toThrow(/row 1 has columns b; expected a/);
    expect(() => toFrame([{ a: {} }])).toThrow(/row 0, column a/);
    expect(toFrame([], ['a', 'b']).columns).toEqual(['a', 'b']);
  });
});

describe('exporting tables', () => {
  it('writes CSV, JSON and Parquet that read back to the same values', async () => {
    const rows = summaryByYear(cube, claimMeasures);
    const labels = toFrame([
      { name: 'a, "quoted" label', value: 1, flag: true, missing: null },
      { name: 'line\nbreak', value: 2.25, flag: false, missing: null },
    ]);
    const tornadoRows = await tornado(10, [{ assumption: 'inflation', low: () => 8, high: () => 13 }]);
    const dir = join(work, 'tables');
    const files = await exportTables(dir, { claims_by_year: toFrame(rows), labels, tornado: toFrame(tornadoRows) });
    expect(files).toHaveLength(9);
    expect((await readdir(dir)).sort()).toEqual([RESULT_MARK, ...files].sort());

    for (const name of ['claims_by_year', 'labels', 'tornado']) {
      const [header, ...body] = parseCsv(await readFile(join(dir, `${name}.csv`), 'utf8'));
      const json = JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as Record<string, unknown>[];
      const parquet = await readParquet(join(dir, `${name}.parquet`));
      const values = parquet.map((row) => header!.map((column) => row[column]));
      expect(Object.keys(parquet[0]!)).toEqual(header);
      // JSON holds the same values; missing is null in both.
      expect(json.map((row) => header!.map((column) => row[column]))).toEqual(values);
      // CSV read with each Parquet column's type: missing is an empty field.
      const csv = body.map((fields, r) =>
        fields.map((field, c) => {
          const like = values[r]![c];
          if (field === '') return null;
          return typeof like === 'number' ? Number(field) : typeof like === 'boolean' ? field === 'true' : field;
        }),
      );
      expect(csv).toEqual(values);
    }
    // Spot checks: a ratio over an empty cell is missing; the year is a whole number; text survives quoting.
    const claims = await readParquet(join(dir, 'claims_by_year.parquet'));
    const child = claims.find((r) => r.person_type === 'child' && r.metric === 'actual_ratio')!;
    expect(child.mean).toBeNull();
    expect(child.year).toBe(2025);
    const retired = claims.find((r) => r.person_type === 'retired' && r.metric === 'bill_yuan' && r.year === 2026)!;
    // (123,457 × 2 + 1) fen × 1,000 / 100 on path 1, the median.
    expect(retired.p50).toBe(2_469_150);
    expect((await readParquet(join(dir, 'labels.parquet')))[0]).toEqual({ name: 'a, "quoted" label', value: 1, flag: true, missing: null });
  });

  it('writes a column of numbers missing on every row (one path: no standard error) as numbers in Parquet', async () => {
    const onePath = syntheticCube({ years: [2025], paths: 1, variants: ['baseline'], weight: 1 }, (w) => w.members('retired', '65-74', { memberYears: 3 }));
    const dir = join(work, 'one-path');
    await exportTables(dir, { claims_by_year: toFrame(summaryByYear(onePath, claimMeasures)) });
    const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(join(dir, 'claims_by_year.parquet')));
    const type = (name: string) => meta.schema.find((e) => e.name === name)?.type;
    // As in a run with more paths; a text column of nulls would change the table's schema with the path count.
    expect(type('se')).toBe('DOUBLE');
    expect(type('metric')).toBe('BYTE_ARRAY');
    expect((await readParquet(join(dir, 'claims_by_year.parquet'))).every((r) => r.se === null)).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'claims_by_year.json'), 'utf8'))[0].se).toBeNull();
    const [header, first] = parseCsv(await readFile(join(dir, 'claims_by_year.csv'), 'utf8'));
    expect(first![header!.indexOf('se')]).toBe('');
  });

  it('gives a column the same Parquet type whatever the run\'s values: years and path counts INT32, measures DOUBLE', async () => {
    // fund_risk_by_year of a run where no path depletes (every probability 0) and of one where a path does.
    const risk = (probability: number, earliest: number) => [{ scheme: 'resident', year: 2021, probability, mean: 3, earliest_year: earliest, paths: 4 }];
    const types = async (name: string, rows: object[]) => {
      await exportTables(join(work, name), { fund_risk: toFrame(rows) }, ['parquet']);
      const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(join(work, name, 'fund_risk.parquet')));
      return Object.fromEntries(meta.schema.slice(1).map((e) => [e.name, e.type]));
    };
    const none = await types('risk-none', risk(0, NaN)); // no path depletes: no earliest year (NaN, as fund_events has it)
    expect(none).toEqual({ scheme: 'BYTE_ARRAY', year: 'INT32', probability: 'DOUBLE', mean: 'DOUBLE', earliest_year: 'INT32', paths: 'INT32' });
    expect(await types('risk-some', risk(0.25, 2023))).toEqual(none);
  });

  it('replaces an earlier export whole, or leaves it alone on an error; never a directory of other files', async () => {
    const dir = join(work, 'replace');
    await exportTables(dir, toFrames({ old: [{ a: 0 }] }), ['csv']);
    await exportTables(dir, toFrames({ small: [{ a: 1 }] }), ['csv']);
    expect((await readdir(dir)).sort()).toEqual([RESULT_MARK, 'small.csv']);
    await expect(exportTables(dir, toFrames({ '../escape': [{ a: 1 }] }), ['csv', 'xlsx' as 'csv'])).rejects.toThrow(
      /table name "..\/escape" is not a file name.*format "xlsx" is not one of csv, json, parquet/,
    );
    expect((await readdir(dir)).sort()).toEqual([RESULT_MARK, 'small.csv']);
    const mine = join(work, 'mine');
    await mkdir(mine);
    await writeFile(join(mine, 'notes.txt'), 'important');
    await expect(exportTables(mine, toFrames({ small: [{ a: 1 }] }), ['csv'])).rejects.toThrow(/not an earlier result/);
    expect(await readdir(mine)).toEqual(['notes.txt']);
    // Nothing left behind beside it.
    expect((await readdir(work)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('exports the standard simulation tables', async () => {
    const tables = toFrames(simulationTables(cube));
    const files = await exportTables(join(work, 'standard'), tables, ['parquet']);
    expect(files).toEqual(['claims_by_year.parquet', 'members_by_year.parquet', 'oop_deciles_by_year.parquet', 'oop_histogram_by_year.parquet']);
    expect(tables.members_by_year!.columns).toEqual(['variant', 'metric', 'scheme', 'person_type', 'age_band', 'year', 'mean', 'se', 'p5', 'p25', 'p50', 'p75', 'p95', 'paths']);
  });
});
