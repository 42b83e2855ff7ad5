/**
 * The columns of claims and members that the institution, payment and cash-flow models read. A claim
 * buffer (src/claims/buffer.ts) and a member block (src/population/block.ts) have them all.
 */
import type { ClaimBuffer } from '../claims/buffer.js';
import type { MemberBlock } from '../population/block.js';

export type ClaimView = Pick<
  ClaimBuffer,
  'length' | 'person' | 'setting' | 'level' | 'location' | 'cause' | 'flags' | 'classA' | 'classB' | 'classC' | 'day' | 'lengthOfStay' | 'memberStart'
>;

/** Members as keyed draws need them: slot and generation (keys), type (scheme), count. */
export type MemberKeys = Pick<MemberBlock, 'length' | 'slot' | 'generation' | 'type'>;
