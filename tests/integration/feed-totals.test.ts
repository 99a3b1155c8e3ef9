// A page's `total` is the number of live records its reader may see, exact (docs/sync-protocol.md). The SQLite store
// counts it from an index rather than reading every record, so the counts are checked here against what each reader
// actually pulls, on a directory with every case that hides a listing: professionals-only structures and services,
// a worker's proposal (seen by its author, not by another worker), a partner's own professionals-only service.
import { describe, expect, it } from 'vitest';
import { makeDirectory, makeService, makeStructure } from './fixtures/directory-fixture.ts';
import { type Device, pull, push, signInAs } from './fixtures/http-client.ts';
import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { create } from './fixtures/sync-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';
import { totalsStoreContract } from './totals-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) totalsStoreContract(name, harness);

describe('the total of a feed page', () => {
  it('counts exactly what each reader pulls, proposals and professionals-only listings included', async () => {
    const fixture = makeDirectory(5, 2);
    fixture.structures[2] = makeStructure(3, { visibilite: 'professionnels' });
    fixture.services[0] = makeService(1, 'test--s001', { visibilite: 'professionnels' });
    fixture.services[3] = makeService(4, 'test--s002', { visibilite: 'professionnels' });
    const { app, store } = await makeTestApp({ fixture });
    const theo = await signInAs(app, store, { role: 'travailleur', nom: 'Théo' });
    const tina = await signInAs(app, store, { role: 'travailleur', nom: 'Tina' });
    const partner = await signInAs(app, store, { role: 'partenaire', nom: 'Épicerie 1', structure_id: 'test--s001' });
    const claire = await signInAs(app, store, { role: 'coordinateur', nom: 'Claire' });
    // Théo proposes a new partner with two services: his, and the coordination's, until it is published.
    await push(app, theo, [
      create(1, 'structure', makeStructure(9)),
      create(2, 'service', makeService(90, 'test--s009')),
      create(3, 'service', makeService(91, 'test--s009', { visibilite: 'professionnels' })),
    ]);
    const seen = async (device: Device | undefined) => {
      const page = await pull(app, device, 0, 500);
      const live = page.entries.filter((e) => e.kind !== 'tombstone' && e.kind !== 'conflict');
      return { total: page.total, live: live.length };
    };
    const counts = {
      anonymous: await seen(undefined),
      partner: await seen(partner),
      theo: await seen(theo),
      tina: await seen(tina),
      claire: await seen(claire),
    };
    for (const { total, live } of Object.values(counts)) expect(total).toBe(live);
    expect(Object.fromEntries(Object.entries(counts).map(([who, c]) => [who, c.live]))).toEqual({
      anonymous: 4 + 6, // s001, s002, s004, s005 and their public services (v002, v003, v007 to v010)
      partner: 4 + 7, // and its own professionals-only v001
      theo: 6 + 12, // everything, his proposal with its two services
      tina: 5 + 10, // everything but Théo's proposal
      claire: 6 + 12,
    });
  });
});
