// The read API as the app and partners use it, in-process: every response body is parsed with the schema the
// client will use, so a shape drift fails here rather than on a tablet.
import { describe, expect, it } from 'vitest';
import {
  healthSchema,
  servicesPageSchema,
  structureDetailSchema,
  structuresPageSchema,
} from '../../server/http/api-schemas.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { type DirectoryPage, directoryPageSchema, PROTOCOL_VERSION } from '../../src/domain/directory.ts';
import { makeDirectory, makeStructure } from './fixtures/directory-fixture.ts';
import { signInAs } from './fixtures/http-client.ts';
import { create } from './fixtures/sync-fixture.ts';
import { entryKey, jsonOf, makeTestApp } from './fixtures/test-app.ts';

const big = () => makeDirectory(60, 3); // 60 structures + 180 services = 240 records

describe('GET /api/v1/health', () => {
  it('answers ok with the protocol, the epoch of the database and the counts', async () => {
    const { app, store } = await makeTestApp();
    const response = await app.request('/api/v1/health');
    expect(response.status).toBe(200);
    const body = healthSchema.parse(await jsonOf(response));
    expect(body).toEqual({
      ok: true,
      protocol: PROTOCOL_VERSION,
      epoch: await store.epoch(),
      counts: { structures: 3, services: 6 },
    });
  });
});

describe('GET /api/v1/directory', () => {
  it('walked from cursor 0 with limit 100, returns every record exactly once in pages that parse', async () => {
    const { app, store } = await makeTestApp({ fixture: big() });
    const pages: DirectoryPage[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 10; guard++) {
      const response = await app.request(`/api/v1/directory?cursor=${cursor}&limit=100`);
      expect(response.status).toBe(200);
      const page = directoryPageSchema.parse(await jsonOf(response));
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.map((p) => [p.entries.length, p.hasMore, p.total])).toEqual([
      [100, true, 240],
      [100, true, 240],
      [40, false, 240],
    ]);
    const keys = pages.flatMap((p) => p.entries.map(entryKey));
    expect(keys).toHaveLength(240);
    expect(new Set(keys).size).toBe(240);
    const seqs = pages.flatMap((p) => p.entries.map((e) => e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(pages.map((p) => p.epoch))).toEqual(new Set([await store.epoch()]));
    // Past the end: nothing, the same cursor back, nothing more.
    const end = directoryPageSchema.parse(await jsonOf(await app.request(`/api/v1/directory?cursor=${cursor}`)));
    expect(end).toMatchObject({ entries: [], cursor, hasMore: false, total: 240 });
  });

  it('uses cursor 0 and 500 records by default, and an empty value counts as absent', async () => {
    const { app } = await makeTestApp({ fixture: big() });
    for (const url of ['/api/v1/directory', '/api/v1/directory?cursor=&limit=']) {
      const page = directoryPageSchema.parse(await jsonOf(await app.request(url)));
      expect([page.entries.length, page.hasMore]).toEqual([240, false]);
    }
  });

  it('after a change, gives a client at its last cursor only the changed record', async () => {
    const { app, store } = await makeTestApp();
    const first = directoryPageSchema.parse(await jsonOf(await app.request('/api/v1/directory')));
    await store.upsert([{ kind: 'structure', record: makeStructure(2, { nom: 'Renommée', version: 2 }) }]);
    const next = directoryPageSchema.parse(await jsonOf(await app.request(`/api/v1/directory?cursor=${first.cursor}`)));
    expect(next.entries).toMatchObject([{ kind: 'structure', record: { id: 'test--s002', nom: 'Renommée' } }]);
    expect(next.total).toBe(first.total);
  });

  it('is gzipped for clients that accept it', async () => {
    const { app } = await makeTestApp({ fixture: big() });
    const response = await app.request('/api/v1/directory', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    const text = await new Response(response.body?.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(directoryPageSchema.parse(JSON.parse(text)).entries).toHaveLength(240);
  });
});

describe('GET /api/v1/structures and /services', () => {
  it('pages structures by id with `next`, each record once, in id order', async () => {
    const { app, fixture } = await makeTestApp({ fixture: big() });
    const ids: string[] = [];
    let url = '/api/v1/structures?limit=25';
    for (let guard = 0; guard < 10; guard++) {
      const page = structuresPageSchema.parse(await jsonOf(await app.request(url)));
      ids.push(...page.structures.map((s) => s.id));
      if (page.next === null) break;
      url = `/api/v1/structures?limit=25&after=${page.next}`;
    }
    expect(ids).toEqual(fixture.structures.map((s) => s.id).sort());
  });

  it('filters structures by commune', async () => {
    const { app } = await makeTestApp({ fixture: big() });
    const page = structuresPageSchema.parse(await jsonOf(await app.request('/api/v1/structures?code_insee=69381')));
    expect(page.structures).toHaveLength(30);
    expect(page.structures.every((s) => s.code_insee === '69381')).toBe(true);
    expect(page.next).toBeNull();
  });

  it('returns a structure with its services, and a JSON 404 for an unknown one', async () => {
    const { app, fixture } = await makeTestApp();
    const detail = structureDetailSchema.parse(await jsonOf(await app.request('/api/v1/structures/test--s002')));
    expect(detail.structure).toEqual(fixture.structures[1]);
    expect(detail.services.map((v) => v.id)).toEqual(['test--v003', 'test--v004']);
    const missing = await app.request('/api/v1/structures/test--s999');
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(await jsonOf(missing)).error.code).toBe('not_found');
  });

  it('lists services filtered by structure and by category', async () => {
    const { app } = await makeTestApp();
    const ofOne = servicesPageSchema.parse(
      await jsonOf(await app.request('/api/v1/services?structure_id=test--s001&limit=1')),
    );
    expect(ofOne).toMatchObject({ services: [{ id: 'test--v001' }], next: 'test--v001' });
    const groceries = servicesPageSchema.parse(
      await jsonOf(await app.request('/api/v1/services?categorie=social_grocery_stores')),
    );
    expect(groceries.services.map((v) => v.id)).toEqual(['test--v003', 'test--v006']);
  });
});

describe('small JSON answers', () => {
  it('go out as they are, with their length, even to a client that accepts gzip (a push answer)', async () => {
    const { app, store } = await makeTestApp({ fixture: makeDirectory(2, 1) });
    const worker = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const gzip = { ...worker.auth, 'Accept-Encoding': 'gzip' };
    const pushed = await app.request('/api/v1/push', {
      method: 'POST',
      headers: { ...gzip, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        clientId: worker.clientId,
        mutations: [create(1, 'structure', makeStructure(9))],
      }),
    });
    expect([pushed.status, pushed.headers.get('Content-Encoding')]).toEqual([200, null]);
    const text = await pushed.text();
    expect(pushed.headers.get('Content-Length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
  });
});
