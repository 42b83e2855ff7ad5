/** JSON files for results and manifests: two-space indented, ending with a newline, written atomically. */
import { writeFileAtomic, type WriteOptions } from './atomic.js';

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function writeJson(file: string, value: unknown, options: WriteOptions = {}): Promise<void> {
  await writeFileAtomic(file, jsonText(value), options);
}
