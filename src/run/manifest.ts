/**
 * The run manifest, written beside every run's outputs: enough to reproduce the numbers exactly.
 * It embeds the scenario and the policy/reform documents as written (so a manifest still reproduces
 * after the files change), their hashes, the seed, paths and sample size, and the package version.
 * Worker count and chunk size are recorded but do not affect results.
 */
import { createHash } from 'node:crypto';

export interface EmbeddedDocument {
  /** The path it was read from, as given. */
  file: string;
  sha256: string;
  /** The parsed document, as written (before defaults). */
  data: unknown;
}

export interface Manifest {
  tool: 'yibao-sim';
  version: string;
  kind: 'run' | 'compare' | 'solve' | 'sensitivity';
  createdAt: string;
  node: string;
  seed: string | number;
  paths: number;
  members: number;
  represents: number;
  horizon: number;
  baseYear: number;
  scenario: EmbeddedDocument;
  policy: EmbeddedDocument;
  reforms: EmbeddedDocument[];
  /** Options that do not change the numbers. */
  execution: { workers: number; chunkMembers: number; elapsedMs: number };
  /** Anything else the command needs to rerun (e.g. a solve target). */
  extra?: Record<string, unknown>;
}

/** Canonical JSON: object keys sorted, so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function embed(file: string, data: unknown): EmbeddedDocument {
  return { file, sha256: sha256(data), data };
}
