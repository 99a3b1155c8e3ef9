// The entries of a device's delta page, compressed a segment at a time, each segment once for every page it is in.
// Devices pull from their own cursors, so no two delta pages are the same, but they overlap: every device gets the
// latest changes, and compressing every page whole compressed the same entries again for each device (a fifth of the
// server's CPU under the load bench). A segment is the entries a reader gets for SEGMENT_SEQS consecutive seqs
// (aligned on multiples of it), compressed alone — a deflate stream ending on a sync flush, whose back-references
// stay inside it — so that raw deflate segments put one after the other are one valid deflate stream, and the
// gzip CRC-32 of the whole is combined from theirs.
//
// A segment is kept under its first entry object (the stores hand the same entry objects to every reader of a
// class, feed-entry-cache.ts), and reused only for exactly the same entry objects in the same order: entries never
// change once built, so the same objects are the same text. A page's first segment usually starts mid-segment (at
// the device's cursor): it is kept apart (it has no comma before it). Segments go when their first entry does.
import { Buffer } from 'node:buffer';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Raw deflate ending byte-aligned (sync flush), with the length and CRC-32 of the text it holds. */
export interface DeflatedPiece {
  deflated: Buffer;
  length: number;
  crc: number;
}

/**
 * Seqs per segment. Smaller segments compress worse (each starts without context: 16 seqs of service records came
 * to 27 % more bytes than the page compressed whole, 32 to 15 %), larger ones leave more to compress per page (the
 * first, partial one).
 */
export const SEGMENT_SEQS = 32;

interface Segment {
  entries: readonly object[];
  piece: DeflatedPiece;
}

interface Segments {
  /** What goes before the segment's first entry: nothing at the start of the page, else the comma after the one before. */
  lead: Buffer;
  kept: WeakMap<object, Segment>;
}

const COMMA = Buffer.from(',');

/**
 * A page's first segment, from the device's cursor on, is kept too: the devices that pulled while the feed stood at
 * one seq (several between two writes) all ask next from there.
 */
const keptFirst: Segments = { lead: Buffer.alloc(0), kept: new WeakMap() };
const keptNext: Segments = { lead: COMMA, kept: new WeakMap() };

/** Bytes compressed now, at the fastest level. */
function deflatePiece(raw: Buffer): DeflatedPiece {
  return {
    deflated: deflateRawSync(raw, { level: constants.Z_BEST_SPEED, finishFlush: constants.Z_SYNC_FLUSH }),
    length: raw.length,
    crc: crc32(raw),
  };
}

/** Text as stored (uncompressed) deflate blocks, not final: for the few bytes around the entries. */
export function storedPiece(text: string): DeflatedPiece {
  const raw = Buffer.from(text);
  const blocks: Buffer[] = [];
  for (let at = 0; at < raw.length || at === 0; at += 0xffff) {
    const bytes = raw.subarray(at, at + 0xffff);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(bytes.length, 1);
    header.writeUInt16LE(~bytes.length & 0xffff, 3);
    blocks.push(header, bytes);
  }
  return { deflated: Buffer.concat(blocks), length: raw.length, crc: crc32(raw) };
}

/**
 * The entries as JSON array items (`a,b,c`, without brackets), in deflate pieces: the first segment compressed now,
 * the following ones (each with its leading comma) kept or compressed and kept.
 */
export function entryPieces<Entry extends { seq: number }>(
  entries: readonly Entry[],
  jsonOf: (entry: Entry) => Buffer,
): DeflatedPiece[] {
  const pieces: DeflatedPiece[] = [];
  let start = 0;
  while (start < entries.length) {
    const segment = Math.floor((entries[start] as Entry).seq / SEGMENT_SEQS);
    let end = start + 1;
    while (end < entries.length && Math.floor((entries[end] as Entry).seq / SEGMENT_SEQS) === segment) end++;
    const group = entries.slice(start, end);
    pieces.push(keptPiece(group, jsonOf, start === 0 ? keptFirst : keptNext));
    start = end;
  }
  return pieces;
}

function keptPiece<Entry extends object>(
  group: readonly Entry[],
  jsonOf: (entry: Entry) => Buffer,
  segments: Segments,
): DeflatedPiece {
  const first = group[0] as Entry;
  const found = segments.kept.get(first);
  if (found && found.entries.length === group.length && found.entries.every((entry, i) => entry === group[i])) {
    return found.piece;
  }
  const piece = deflatePiece(Buffer.concat([segments.lead, ...joined(group, jsonOf)]));
  segments.kept.set(first, { entries: group, piece });
  return piece;
}

/** The entries' JSON with a comma between each, to be put together as one array's items. */
export function joined<Entry>(entries: readonly Entry[], jsonOf: (entry: Entry) => Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (const entry of entries) {
    if (out.length > 0) out.push(COMMA);
    out.push(jsonOf(entry));
  }
  return out;
}

/** The pieces one after the other: one deflate stream (still open: not final), its text's length and CRC-32. */
export function joinPieces(pieces: readonly DeflatedPiece[]): DeflatedPiece {
  let crc = 0;
  let length = 0;
  for (const piece of pieces) {
    crc = crc32Combine(crc, piece.crc, piece.length);
    length += piece.length;
  }
  return { deflated: Buffer.concat(pieces.map((piece) => piece.deflated)), length, crc };
}

// CRC-32 of two texts put together, from theirs and the second's length (zlib's crc32_combine: the first CRC
// multiplied by x^(8 × length) modulo the CRC polynomial, in reflected bit order, then the second added).
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  let x = b;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= x;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    x = x & 1 ? (x >>> 1) ^ POLY : x >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0..31. */
const X2N: number[] = [];
for (let k = 0, p = 0x40000000; k < 32; k++, p = multModP(p, p)) X2N.push(p);

/** x^(n × 2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000;
  for (let rest = n, i = k; rest > 0; rest = Math.floor(rest / 2), i++) {
    if (rest % 2 === 1) p = multModP(X2N[i % 32] as number, p);
  }
  return p;
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  return (multModP(x2nModP(length2, 3), crc1) ^ crc2) >>> 0;
}
