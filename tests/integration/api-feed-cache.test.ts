// GET /api/v1/directory keeps the pages it builds from the second time they are asked (server/http/feed-body.ts)
// and serves them again while the last seq holds: to another device of the same reader with its own lastMutationId,
// never to another reader, and never once something changed.
import { describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { makeDirectory, makeStructure } from './fixtures/directory-fixture.ts';
import { type Device, postJson, pull, push, signInAs } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const fixture = () => {
  const directory = makeDirectory(3, 2);
  directory.structures[2] = makeStructure(3, { visibilite: 'professionnels' });
  return directory;
};

describe('kept feed pages', () => {
  it('serve a page asked twice to another device of the same account without reading the feed again, each with its own lastMutationId', async () => {
    const { app, store } = await makeTestApp({ fixture: fixture() });
    const theo = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const code = 'TEST-SECOND-DEVICE';
    await store.createInvitations([
      {
        role: 'travailleur',
        nom: 'Théo',
        account_id: theo.account.id,
        codeHash: sha256(code),
        created_at: '2026-11-28T09:00:00Z',
        reusable: false,
      },
    ]);
    const response = await postJson(app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code,
      appareil: 'Second appareil',
    });
    const tablet = (await jsonOf(response)) as Device;
    const second: Device = { ...tablet, auth: { Authorization: `Bearer ${tablet.token}` } };
    await push(app, theo, [update(1, 'structure', 'test--s001', {}, { telephone: '04 00 00 00 01' })]);

    const reads = vi.spyOn(store, 'pull');
    const heads = vi.spyOn(store, 'feedHead');
    // Asked once, a page is not kept: most are a device's delta from its own cursor, which no other device asks.
    const first = await pull(app, theo, 0);
    const again = await pull(app, theo, 0);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(heads).toHaveBeenCalledTimes(0);
    // Asked twice, it is kept: the second device gets it without a read of the feed, only of its head.
    const other = await pull(app, second, 0);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(heads).toHaveBeenCalledTimes(1);
    expect([first.lastMutationId, again.lastMutationId, other.lastMutationId]).toEqual([1, 1, 0]);
    expect(again).toEqual(first);
    expect({ ...other, lastMutationId: 1 }).toEqual(first);
  });

  it('are never served to another reader: a partner does not get a page kept for a worker', async () => {
    const { app, store } = await makeTestApp({ fixture: fixture() });
    const theo = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const pauline = await signInAs(app, store, { role: 'partenaire', nom: 'Pauline', structure_id: 'test--s001' });
    const ids = (page: { entries: Array<{ kind: string; record?: { id: string } }> }) =>
      page.entries.flatMap((e) => (e.record ? [e.record.id] : []));
    expect(ids(await pull(app, theo, 0))).toContain('test--s003');
    expect(ids(await pull(app, pauline, 0))).not.toContain('test--s003');
    const anonymous = directoryPageSchema.parse(await jsonOf(await app.request('/api/v1/directory')));
    expect(ids(anonymous)).not.toContain('test--s003');
  });

  it('are read again once something changed: the same cursor then brings the change', async () => {
    const { app, store } = await makeTestApp({ fixture: fixture() });
    const theo = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const { cursor } = await pull(app, theo, 0);
    expect((await pull(app, theo, cursor)).entries).toEqual([]);
    await store.upsert([{ kind: 'structure', record: makeStructure(2, { nom: 'Renommée', version: 2 }) }]);
    expect((await pull(app, theo, cursor)).entries).toMatchObject([{ record: { id: 'test--s002', nom: 'Renommée' } }]);
  });
});
