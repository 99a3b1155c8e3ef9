// How much of the outbox one push may carry. The server reads at most MAX_PUSH_BODY_BYTES of JSON per push (a 413
// above, with nothing applied); a hundred edits of long descriptions pass that easily, so a batch is cut by size as
// well as by count, and a change that could never fit is set aside rather than block every change after it.
import { MAX_PUSH_BODY_BYTES, type Mutation } from '../domain/sync-protocol.ts';

/**
 * What the device allows itself: a margin under the server's limit, so that a body counted a little differently on
 * the way (a proxy, a field added to the envelope) is still taken whole.
 */
export const PUSH_BODY_BUDGET = MAX_PUSH_BODY_BYTES - 64 * 1024;

const utf8 = new TextEncoder();
const bytesOf = (value: unknown) => utf8.encode(JSON.stringify(value)).length;

/** The envelope around the mutations (httpTransport's `push`), with the longest client id and protocol number. */
const ENVELOPE_BYTES = bytesOf({ protocol: 2 ** 31, clientId: 'x'.repeat(64), mutations: [] });

/** Bytes of a push body carrying `mutations` (an upper bound: the envelope is counted at its longest). */
export function pushBodyBytes(mutations: readonly Mutation[]): number {
  return ENVELOPE_BYTES + mutations.reduce((sum, m, i) => sum + bytesOf(m) + (i > 0 ? 1 : 0), 0);
}

/** How many of `mutations`, from the first, one push body of at most `maxBytes` holds (0: not even the first). */
export function fittingCount(mutations: readonly Mutation[], maxBytes: number): number {
  let bytes = ENVELOPE_BYTES;
  for (const [i, mutation] of mutations.entries()) {
    bytes += bytesOf(mutation) + (i > 0 ? 1 : 0);
    if (bytes > maxBytes) return i;
  }
  return mutations.length;
}
