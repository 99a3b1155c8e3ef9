// How much of the outbox one push may carry. The server reads at most MAX_PUSH_BODY_BYTES of JSON per push (a 413
// above, with nothing applied); a hundred edits of long descriptions pass that easily, so a batch is cut by size as
// well as by count, and a change that could never fit is set aside rather than block every change after it.
import { MAX_PUSH_BODY_BYTES, type Mutation } from '../../domain/sync-protocol.ts';

/**
 * What the device allows itself: a margin under the server's limit, so that a body counted a little differently on
 * the way (a proxy, a field added to the envelope) is still taken whole.
 */
export const PUSH_BODY_BUDGET = MAX_PUSH_BODY_BYTES - 64 * 1024;

/**
 * Bytes of `text` in UTF-8, as TextEncoder counts them (a lone surrogate becomes U+FFFD, 3 bytes), counted by hand:
 * this core runs where no encoder is declared (tsconfig.pure.json).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit < 0xe000;

const bytesOf = (value: unknown) => utf8Length(JSON.stringify(value));

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
