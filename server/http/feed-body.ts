// The body of GET /api/v1/directory, serialised and compressed once per page and kept. A page is the same for
// every device of one reader (same class, same account) asking the same cursor while the database stays at the
// same last seq — the usual case: up-to-date devices all ask for "what changed since the last change" — so
// building it again (reading, serialising, compressing: most of a request's time) is wasted work.
//
// Only `lastMutationId` differs from one device to the next. It is the body's last field, appended to the kept
// part: as text for a client that does not accept gzip, and as a final deflate block after the kept compressed
// part for one that does — the kept part ends on a sync flush (byte-aligned, not final) and the gzip CRC-32
// continues across both, so the whole is one ordinary gzip member that any client decodes. Only the compressed part
// is kept (a fraction of the text's bytes, so the same memory keeps a directory several times larger); the rare
// client that refuses gzip gets it inflated again. A device's delta, which no other device asks for, still shares
// most of its entries with the deltas of the others: its entries are compressed in segments, each segment once for
// all the pages it is in (feed-segments.ts).
import { Buffer } from 'node:buffer';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DirectoryPage } from '../../src/domain/directory.ts';
import { entryPieces, joined, joinPieces, storedPiece } from './feed-segments.ts';

export type PageWithoutClient = Omit<DirectoryPage, 'lastMutationId'>;

export interface KeptPage {
  /** The UTF-8 of the JSON body up to `"lastMutationId":` included, as raw deflate ending on a sync flush. */
  deflated: Buffer;
  /** That text's length in bytes and CRC-32. */
  length: number;
  crc: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** Below this a body is sent as is: compressing a few hundred bytes costs more than it saves. */
export const GZIP_THRESHOLD = 1024;

/**
 * Pages up to this size of entries (a device's delta: read once, by one device) are compressed in segments at the
 * fastest level (feed-segments.ts); larger ones (a first download, kept and sent again) whole at the default level,
 * where the bytes matter more than the time.
 */
const FAST_DEFLATE_BELOW = 256 * 1024;

// Each entry's JSON in UTF-8, kept as long as the entry object lives: the stores hand the same entry objects (parsed
// once per seq) to every reader, and the same records go into the pages of hundreds of devices. Bytes, not strings:
// a page's entries are put together as bytes, outside the JavaScript heap. Joined as one string, French text (two
// bytes a character there) made pieces of more than 128 kB, each allocated in the old generation: a full garbage
// collection every few seconds under load, its marking taking a core from the requests.
const entryJson = new WeakMap<object, Buffer>();

function jsonOf(entry: object): Buffer {
  let json = entryJson.get(entry);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(entry));
    entryJson.set(entry, json);
  }
  return json;
}

/** Stands for the entries while the rest of the page is serialised (no other field is a string like it). */
const ENTRIES = '\u0000entries';

export function keepPage(page: PageWithoutClient): KeptPage {
  const [before = '', after = ''] = JSON.stringify({ ...page, entries: ENTRIES }).split(JSON.stringify(ENTRIES));
  const around = { before: `${before}[`, after: `]${after.slice(0, -1)},"lastMutationId":` };
  let bytes = 0;
  for (const entry of page.entries) bytes += jsonOf(entry).length;
  if (bytes >= FAST_DEFLATE_BELOW) {
    // A first download's page, kept and sent again: compressed whole, where the bytes matter more than the time.
    const raw = Buffer.concat([Buffer.from(around.before), ...joined(page.entries, jsonOf), Buffer.from(around.after)]);
    return {
      deflated: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }),
      length: raw.length,
      crc: crc32(raw),
    };
  }
  // A delta: its entries in segments, most of them compressed already for the pages of other devices.
  return joinPieces([storedPiece(around.before), ...entryPieces(page.entries, jsonOf), storedPiece(around.after)]);
}

/** The body for one device: the kept page with its `lastMutationId`, gzip when `gzip` and worth it. */
export function pageBody(page: KeptPage, lastMutationId: number | null, gzip: boolean) {
  const tail = Buffer.from(`${JSON.stringify(lastMutationId)}}`);
  if (!gzip || page.length + tail.length < GZIP_THRESHOLD) {
    const raw = inflateRawSync(page.deflated, { finishFlush: constants.Z_SYNC_FLUSH });
    return { body: Buffer.concat([raw, tail]), encoding: undefined };
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tail, page.crc), 0);
  trailer.writeUInt32LE((page.length + tail.length) % 2 ** 32, 4);
  return {
    body: Buffer.concat([GZIP_HEADER, page.deflated, storedBlock(tail), trailer]),
    encoding: 'gzip' as const,
  };
}

/**
 * A few bytes as the final deflate block, stored (RFC 1951, 3.2.4): header bits BFINAL=1 BTYPE=00 padded to the
 * byte (the kept part ends byte-aligned), LEN and its one's complement, the bytes. No compressor per request.
 */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block[0] = 0x01;
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

const sizeOf = (page: KeptPage) => page.deflated.length;

/** Queries remembered as asked once: a few minutes of pulls of a metropolis's devices. */
const ASKED_QUERIES = 20_000;

/**
 * Kept pages, least recently used out first once their bytes pass the budget. Each page is kept under its key and
 * belongs to a query (the key without what the database's head adds to it): `keeps` tells whether any page of a query
 * is kept, so that a request whose page cannot be kept skips reading the head to look for it.
 */
export class PageCache {
  private readonly pages = new Map<string, { page: KeptPage; query: string }>();
  /** Pages kept per query. */
  private readonly queries = new Map<string, number>();
  /** Queries asked once lately, oldest first (`worthKeeping`). */
  private readonly askedOnce = new Set<string>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /**
   * Whether a page of `query` is worth keeping: whether the query was asked before, lately, or has a page kept
   * (an older one, before the last seq moved). Most pages are asked
   * once — a device's delta from its own cursor — and keeping them only filled the budget with pages nobody asked
   * again, each living long enough to be collected with the old generation: under load a full collection every few
   * seconds, its marking taking a core from the requests. A page asked twice (anonymous visitors' first downloads,
   * a device asking again) is asked more.
   */
  worthKeeping(query: string): boolean {
    if (this.askedOnce.delete(query) || this.queries.has(query)) return true;
    this.askedOnce.add(query);
    if (this.askedOnce.size > ASKED_QUERIES) this.askedOnce.delete(this.askedOnce.values().next().value as string);
    return false;
  }

  get(key: string): KeptPage | undefined {
    const kept = this.pages.get(key);
    if (kept) {
      this.pages.delete(key);
      this.pages.set(key, kept);
    }
    return kept?.page;
  }

  put(key: string, page: KeptPage, query = key): void {
    this.drop(key);
    if (sizeOf(page) > this.budget) return;
    this.pages.set(key, { page, query });
    this.queries.set(query, (this.queries.get(query) ?? 0) + 1);
    this.bytes += sizeOf(page);
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.budget) break;
      this.drop(oldest);
    }
  }

  /** Whether a page of `query` is kept, whatever its key. */
  keeps(query: string): boolean {
    return this.queries.has(query);
  }

  get size(): number {
    return this.pages.size;
  }

  private drop(key: string): void {
    const kept = this.pages.get(key);
    if (!kept) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(kept.page);
    const left = (this.queries.get(kept.query) ?? 1) - 1;
    if (left === 0) this.queries.delete(kept.query);
    else this.queries.set(kept.query, left);
  }
}

/** Whether an Accept-Encoding header admits gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}
