// Actions through the HTTP API: pushed like any edit, pulled by apps of protocol 3, and invisible to an
// installed app of protocol 2, which also keeps getting answers in its own version (it checks `protocol` for
// equality) — docs/sync-protocol.md, "History".
import { describe, expect, it } from 'vitest';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { anAction } from '../fixtures/actions.ts';
import { push, signInAs } from './fixtures/http-client.ts';
import { create } from './fixtures/sync-fixture.ts';
import { entryKey, jsonOf, makeTestApp } from './fixtures/test-app.ts';

function newAction(id: string) {
  const {
    version: _v,
    date_maj: _d,
    ...record
  } = anAction(1, 1, {
    id,
    organisateurs: ['test--s001'],
    lieu: { type: 'structure', structure_id: 'test--s001' },
  });
  return record;
}

async function withAction() {
  const test = await makeTestApp();
  const partner = await signInAs(test.app, test.store, {
    role: 'partenaire',
    nom: 'Épicerie 1',
    structure_id: 'test--s001',
  });
  const result = await push(test.app, partner, [create(1, 'action', newAction('test--atelier'))]);
  expect(result.results).toEqual([{ id: 1, status: 'applied' }]);
  return test;
}

const pullAs = (app: Awaited<ReturnType<typeof makeTestApp>>['app'], protocol: number | undefined) =>
  app.request('/api/v1/directory?cursor=0&limit=500', {
    headers: protocol === undefined ? {} : { 'X-Boussole-Protocol': String(protocol) },
  });

describe('actions in the directory feed', () => {
  it('an app of the current protocol receives the partner’s new action', async () => {
    const { app } = await withAction();
    const page = directoryPageSchema.parse(await jsonOf(await pullAs(app, PROTOCOL_VERSION)));
    expect(page.protocol).toBe(PROTOCOL_VERSION);
    expect(page.entries.map(entryKey)).toContain('action/test--atelier');
  });

  it('an installed app of protocol 2 gets its own version back and no action (its schemas would refuse the page)', async () => {
    const { app } = await withAction();
    const body = (await jsonOf(await pullAs(app, 2))) as {
      protocol: number;
      entries: Array<{ kind: string }>;
      total: number;
    };
    expect(body.protocol).toBe(2);
    expect(body.entries.map((e) => e.kind)).not.toContain('action');
    expect(body.total).toBe(body.entries.length);
    // The kept page of one version is never served to the other.
    const again = directoryPageSchema.parse(await jsonOf(await pullAs(app, PROTOCOL_VERSION)));
    expect(again.entries.map((e) => e.kind)).toContain('action');
  });

  it('a push from an app of protocol 2 is answered in protocol 2', async () => {
    const { app, store } = await makeTestApp();
    const worker = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const response = await app.request('/api/v1/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Boussole-Protocol': '2', ...worker.auth },
      body: JSON.stringify({ protocol: 2, clientId: worker.clientId, mutations: [] }),
    });
    // An empty push is refused (at least one mutation), still as a JSON answer; a real one carries protocol 2.
    expect(response.status).toBe(400);
    const real = await app.request('/api/v1/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Boussole-Protocol': '2', ...worker.auth },
      body: JSON.stringify({
        protocol: 2,
        clientId: worker.clientId,
        mutations: [
          { id: 1, name: 'record.update', args: { kind: 'structure', id: 'test--s001', base: {}, changes: {} } },
        ],
      }),
    });
    expect(((await jsonOf(real)) as { protocol: number }).protocol).toBe(2);
  });
});
