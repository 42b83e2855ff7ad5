/**
 * The field names a schema allows at a path, so that an "unknown field" problem can say what is allowed
 * (a misspelt `deductable` is then one look away from `deductible`). Walks zod's schema definitions:
 * objects, and the wrappers and unions around them (optional, nullable, default, prefault, pipe, union,
 * array). Keyed tables (value or table by person type/level) are unions, so their keys come out too.
 */
import type { z } from 'zod';
import type { Problem } from '../input/inputError.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas `s` may be once wrappers and unions are looked through. */
function objects(s: z.ZodType): Def[] {
  const def = defOf(s);
  if (def.type === 'object') return [def];
  if (def.innerType) return objects(def.innerType);
  if (def.type === 'pipe' && def.in) return objects(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(objects);
  return [];
}

/** The schemas found at `path` below `s` (several when unions branch). */
function at(s: z.ZodType, path: readonly (string | number)[]): z.ZodType[] {
  if (path.length === 0) return [s];
  const [key, ...rest] = path;
  const def = defOf(s);
  if (def.innerType) return at(def.innerType, path);
  if (def.type === 'pipe' && def.in) return at(def.in, path);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => at(o, path));
  if (def.type === 'array' && def.element && typeof key === 'number') return at(def.element, rest);
  const field = def.type === 'object' ? def.shape?.[String(key)] : undefined;
  return field ? at(field, rest) : [];
}

/** Field names allowed in the object at `path` (the path of the object, not of the unknown field). */
export function allowedFields(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  const names = new Set(at(schema, path).flatMap(objects).flatMap((d) => Object.keys(d.shape ?? {})));
  return [...names];
}

/** An unknown field's problem, saying which fields `schema` allows there (other problems unchanged). */
export function withAllowedFields(schema: z.ZodType, p: Problem): Problem {
  if (p.message !== 'unknown field') return p;
  const allowed = allowedFields(schema, p.path.slice(0, -1));
  return allowed.length > 0 ? { ...p, message: `unknown field; allowed here: ${allowed.join(', ')}` } : p;
}
