/** Where the package's own files are, from the source or the built tree alike. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The package root: the directory holding package.json, found upwards from this file. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new Error('package root not found');
    dir = up;
  }
  return dir;
}

export function defaultPolicyFile(): string {
  return join(packageRoot(), 'scenarios', 'policies', 'default-2021.yaml');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
