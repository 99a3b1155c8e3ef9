import { constants, crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, entryPieces, joinPieces, SEGMENT_SEQS, storedPiece } from './feed-segments.ts';

const entries = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ kind: 'service', seq: from + i, nom: `Accès n° ${from + i}` }));
const jsonOf = (entry: object) => Buffer.from(JSON.stringify(entry));
const text = (list: readonly object[]) => list.map((entry) => JSON.stringify(entry)).join(',');
const inflate = (deflated: Buffer) =>
  inflateRawSync(deflated, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');

describe('feed segments', () => {
  it('combine CRC-32s as zlib computes the CRC-32 of the texts put together', () => {
    const texts = ['', 'a', '{"kind":"service"}', 'é'.repeat(70_000), 'x'.repeat(1_000_003)];
    for (const a of texts) {
      for (const b of texts) {
        expect(crc32Combine(crc32(a), crc32(b), Buffer.byteLength(b))).toBe(crc32(a + b));
      }
    }
  });

  it('put together, inflate to the entries as JSON items, with the text around them stored', () => {
    const list = entries(5, 5 + 3 * SEGMENT_SEQS);
    const whole = joinPieces([storedPiece('['), ...entryPieces(list, jsonOf), storedPiece(']')]);
    const inflated = inflate(whole.deflated);
    expect(inflated).toBe(`[${text(list)}]`);
    expect([whole.length, whole.crc]).toEqual([Buffer.byteLength(inflated), crc32(inflated)]);
  });

  it('compress a segment once for every page that holds it, whatever cursor the page starts from', () => {
    const list = entries(1, 4 * SEGMENT_SEQS - 1);
    // Two devices' deltas up to the same last seq, from different cursors inside the first segment.
    const one = entryPieces(list.slice(3), jsonOf);
    const other = entryPieces(list.slice(17), jsonOf);
    expect(one).toHaveLength(4);
    expect(other).toHaveLength(4);
    // The page's first (partial) segment is its own; the complete ones after it are the same compressed bytes.
    expect(one[0]).not.toBe(other[0]);
    for (const i of [1, 2, 3]) expect(other[i]).toBe(one[i]);
    // Another device that pulled at the same seq as the first asks from the same cursor: its first segment too.
    expect(entryPieces(list.slice(3), jsonOf)[0]).toBe(one[0]);
  });

  it('compress a segment again when its entries are not the same objects: one more at the end, or another', () => {
    const list = entries(1, 2 * SEGMENT_SEQS);
    const before = entryPieces(list.slice(0, SEGMENT_SEQS + 3), jsonOf);
    // A change was written since: the last segment has one entry more.
    const grown = entryPieces(list.slice(0, SEGMENT_SEQS + 4), jsonOf);
    expect(grown[1]).not.toBe(before[1]);
    // A reader who sees other objects for the same seqs (another entry object for one of them) gets its own.
    const other = [...list.slice(0, SEGMENT_SEQS + 4)];
    other[SEGMENT_SEQS + 1] = { ...(other[SEGMENT_SEQS + 1] as (typeof list)[number]), nom: 'Autre lecteur' };
    const pieces = entryPieces(other, jsonOf);
    expect(pieces[1]).not.toBe(grown[1]);
    const inflated = inflate(joinPieces(pieces).deflated);
    expect(inflated).toBe(text(other));
  });
});
