import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { acceptsGzip, GZIP_THRESHOLD, keepPage, PageCache, pageBody } from './feed-body.ts';

const page = (entries: number) => ({
  protocol: PROTOCOL_VERSION as typeof PROTOCOL_VERSION,
  epoch: 'epoch-123456',
  cursor: 7,
  hasMore: false,
  total: 3,
  entries: Array.from({ length: entries }, (_, i) => ({
    kind: 'tombstone' as const,
    seq: i + 1,
    record_kind: 'service' as const,
    id: `test--v${i}`,
  })),
});

describe('a kept feed page', () => {
  it('gives each device the same page with its own lastMutationId, as one gzip member any client decodes', () => {
    const kept = keepPage(page(50));
    for (const lastMutationId of [null, 0, 42, 123_456]) {
      const { body, encoding } = pageBody(kept, lastMutationId, true);
      expect(encoding).toBe('gzip');
      expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual({ ...page(50), lastMutationId });
    }
  });

  it('is sent as plain JSON to a client that does not accept gzip, and when too small to gain from it', () => {
    const small = pageBody(keepPage(page(1)), 3, true);
    expect(small.body.length).toBeLessThan(GZIP_THRESHOLD);
    expect([small.encoding, JSON.parse(small.body.toString('utf8')).lastMutationId]).toEqual([undefined, 3]);
    const plain = pageBody(keepPage(page(50)), 3, false);
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual({ ...page(50), lastMutationId: 3 });
  });

  it('reads the same text as the page serialised whole, for a delta page and for a first download page', () => {
    // One entry object in two pages (stores hand the same objects to every reader): its JSON is kept, not stale.
    const shared = page(5000);
    for (const entries of [shared.entries.slice(0, 40), shared.entries, shared.entries.slice(10, 50)]) {
      const whole = { ...shared, entries };
      const text = JSON.stringify({ ...whole, lastMutationId: 9 });
      expect(gunzipSync(pageBody(keepPage(whole), 9, true).body).toString('utf8')).toBe(text);
    }
  });
});

describe('the page cache', () => {
  it('keeps pages within its byte budget, the least recently used leaving first', () => {
    const one = keepPage(page(50));
    const size = one.deflated.length;
    const cache = new PageCache(size * 2 + 10);
    cache.put('a', one);
    cache.put('b', keepPage(page(50)));
    expect(cache.get('a')).toBe(one); // now the most recent
    cache.put('c', keepPage(page(50)));
    expect([cache.get('a') !== undefined, cache.get('b'), cache.get('c') !== undefined]).toEqual([
      true,
      undefined,
      true,
    ]);
    cache.put('c', keepPage(page(50))); // replacing a page does not count it twice
    expect(cache.size).toBe(2);
  });

  it('tells whether a page of a query is kept, under any key, until the last of them leaves', () => {
    const one = keepPage(page(50));
    const cache = new PageCache(one.deflated.length * 2 + 10);
    expect(cache.keeps('q')).toBe(false);
    cache.put('e|1|q', one, 'q');
    cache.put('e|2|q', keepPage(page(50)), 'q');
    cache.put('e|2|q', keepPage(page(50)), 'q');
    expect([cache.keeps('q'), cache.keeps('e|1|q')]).toEqual([true, false]);
    cache.put('x', keepPage(page(50))); // the oldest page of q leaves, the other stays
    expect([cache.get('e|1|q'), cache.keeps('q')]).toEqual([undefined, true]);
    cache.put('y', keepPage(page(50)));
    expect(cache.keeps('q')).toBe(false);
  });

  it('finds a page worth keeping from the second time its query is asked, or while a page of it is kept', () => {
    const cache = new PageCache(1_000_000);
    expect(cache.worthKeeping('delta|appareil-1')).toBe(false);
    expect(cache.worthKeeping('delta|appareil-2')).toBe(false);
    expect(cache.worthKeeping('delta|appareil-1')).toBe(true);
    cache.put('e|1|delta|appareil-1', keepPage(page(50)), 'delta|appareil-1');
    // The last seq moved: the query's next page is kept too, asked again or not.
    expect(cache.worthKeeping('delta|appareil-1')).toBe(true);
    expect(cache.worthKeeping('delta|appareil-1')).toBe(true);
  });
});

describe('Accept-Encoding', () => {
  it('admits gzip when listed or by *, unless refused with q=0', () => {
    expect(['gzip, deflate, br', 'br;q=1.0, gzip;q=0.8', '*', 'GZIP'].map(acceptsGzip)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([undefined, '', 'br', 'gzip;q=0', 'identity'].map(acceptsGzip)).toEqual([false, false, false, false, false]);
  });
});
