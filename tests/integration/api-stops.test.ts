// A partner's stops reach the server as any edit of its service: a valid round is applied and every device pulls
// it; a stop the domain refuses is refused naming the stop and the field, and nothing changes.
import { describe, expect, it } from 'vitest';
import type { Arret } from '../../src/domain/service.ts';
import { pull, push, signInAs } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';

const GUICHARD: Arret = {
  id: 'guichard',
  nom: 'Place Guichard',
  code_postal: '69003',
  commune: 'Lyon 3e Arrondissement',
  code_insee: '69383',
  latitude: 45.7597,
  longitude: 4.8475,
  horaires: 'Tu 18:30-20:00',
};

async function signedIn() {
  const test = await makeTestApp();
  const device = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Camille' });
  return { ...test, device };
}
type Test = Awaited<ReturnType<typeof signedIn>>;

async function served({ app, device }: Test) {
  const page = await pull(app, device);
  for (const e of page.entries) if (e.kind === 'service' && e.record.id === 'test--v001') return e.record;
  return undefined;
}
const setStops = (stops: unknown[]) => update(1, 'service', 'test--v001', { arrets: null }, { arrets: stops });

describe('stops of a service that moves, through POST /api/v1/push', () => {
  it('applies a round of stops and serves it in the directory feed', async () => {
    const test = await signedIn();
    const response = await push(test.app, test.device, [setStops([GUICHARD])]);
    expect(response.results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await served(test)).toMatchObject({ arrets: [GUICHARD], version: 2 });
  });

  it.each([
    ['a stop without hours', { ...GUICHARD, horaires: undefined }, 'arrets[0].horaires'],
    ['a stop whose hours are not OSM', { ...GUICHARD, horaires: 'mardi 18h30–20h' }, 'arrets[0].horaires'],
    ['a stop in no commune', { ...GUICHARD, code_insee: 'Lyon' }, 'arrets[0].code_insee'],
    ['a stop with a latitude alone', { ...GUICHARD, longitude: null }, 'arrets[0].longitude'],
  ])('refuses %s with the field and the reason, changing nothing', async (_, stop, path) => {
    const test = await signedIn();
    const response = await push(test.app, test.device, [setStops([stop])]);
    expect(response.results).toMatchObject([
      { id: 1, status: 'rejected', reason: { code: 'invalide', problems: [{ path }] } },
    ]);
    const [result] = response.results as unknown as [{ reason: { problems: { message: string }[] } }];
    expect(result.reason.problems[0]?.message).toMatch(/^[A-ZÀ-Ö«]/u);
    const record = await served(test);
    expect(record).toMatchObject({ version: 1 });
    expect(record).not.toHaveProperty('arrets');
  });
});
