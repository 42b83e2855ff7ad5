/**
 * Growing a typed column: a longer array of the same kind with the entries in use kept (the reusable claim
 * and supervision buffers).
 */
export type Column = Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array;

export function grown<T extends Column>(old: T, capacity: number, keep: number): T {
  const next = new (old.constructor as new (n: number) => T)(capacity);
  next.set(old.subarray(0, keep));
  return next;
}
