/**
 * From members to the settlement kernel's person columns. Account balances are the fund ledger's;
 * here only person type and the assistance/poverty flags are written.
 */
import type { PersonColumns } from '../settlement/columns.js';
import { MEMBER_ASSISTANCE, MEMBER_POVERTY, type MemberBlock } from './block.js';
import { TYPE_CODE } from './compile.js';
import { residentType } from './members.js';

/**
 * Write type and flags of every member into `persons` (same indices). With `elderlyAge`, resident
 * adults and elderly are re-typed for a policy whose 老年居民 age differs from the population's.
 */
export function fillPersonColumns(block: MemberBlock, persons: PersonColumns, elderlyAge?: number): void {
  if (persons.length < block.length) throw new RangeError(`person columns hold ${persons.length} persons, the block has ${block.length}`);
  for (let i = 0; i < block.length; i++) {
    const t = block.type[i]!;
    const retype = elderlyAge !== undefined && (t === TYPE_CODE.adult || t === TYPE_CODE.elderly);
    persons.type[i] = retype ? residentType(block.age[i]!, block.flags[i]!, elderlyAge) : t;
    persons.flags[i] = block.flags[i]! & (MEMBER_ASSISTANCE | MEMBER_POVERTY);
  }
}
