// The statistics endpoints through the HTTP app (in-process): anonymous events stored once per orientation with
// their team, validated field by field (4xx naming the field, nothing stored), ignored for a structure that opted
// out, purged after the retention period; « demandes sans réponse » and the pilot's evaluation for coordinators
// only, with every count under 5 written « < 5 »; no event field in the logs.

import { beforeEach, describe, expect, it } from 'vitest';
import { evaluationSchema, orientationStatsSchema } from '../../src/domain/evaluation.ts';
import { type OrientationEvent, orientationEventsAnswerSchema } from '../../src/domain/orientation-event.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { isoWeekOf } from '../../src/domain/time/iso-week.ts';
import { type Device, postJson, signInAs } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const T0 = Date.parse('2026-11-20T10:00:00Z');
let n = 0;
const event = (over: Partial<OrientationEvent> = {}): OrientationEvent => ({
  id: `evt-${String(++n).padStart(6, '0')}-0123456789`,
  semaine: '2026-W46',
  commune: '69259',
  qpv: 'QNDEMO01',
  besoins: ['repas'],
  foyer: '3-4',
  resultats: { eligibles: 0, a_verifier: 2, exclus: 17 },
  motifs_exclusion: ['zone_outside', 'age_max'],
  orientation_envoyee: false,
  ...over,
});

describe('statistics endpoints', () => {
  let test: Awaited<ReturnType<typeof makeTestApp>>;
  let now = T0;
  let worker: Device;
  let coordinator: Device;
  let partner: Device;

  beforeEach(async () => {
    now = T0;
    test = await makeTestApp({ clock: () => new Date(now) });
    worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Mina', equipe_id: 'test--s003' });
    partner = await signInAs(test.app, test.store, { role: 'partenaire', nom: 'Épicerie', structure_id: 'test--s001' });
    coordinator = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Coordination' });
  });

  const sendEvents = (device: Device, events: unknown[]) =>
    postJson(test.app, '/api/v1/orientation-events', { protocol: PROTOCOL_VERSION, events }, device.auth);
  const get = (device: Device, url: string) => test.app.request(url, { headers: device.auth });
  const cells = async (query = '') => {
    const response = await get(coordinator, `/api/v1/stats/orientations${query}`);
    expect(response.status).toBe(200);
    return orientationStatsSchema.parse(await jsonOf(response)).cells;
  };

  it('stores one event per orientation with the team, and shows coordinators protected counts', async () => {
    const events = Array.from({ length: 6 }, () => event());
    const response = await sendEvents(worker, events);
    expect(response.status).toBe(200);
    expect(orientationEventsAnswerSchema.parse(await jsonOf(response))).toMatchObject({ enregistres: 6, ignores: 0 });
    // The same orientation sent again (after a referral) replaces its event: still 6 orientations.
    const first = events[0] as OrientationEvent;
    await sendEvents(worker, [
      { ...first, orientation_envoyee: true, resultats: { ...first.resultats, eligibles: 1 } },
    ]);
    expect(await cells()).toEqual([
      { commune: '69259', need: 'repas', month: '2026-11', orientations: 6, sans_reponse: 5 },
    ]);
    expect((await test.store.orientationEvents()).every((row) => row.equipe_id === 'test--s003')).toBe(true);

    await sendEvents(partner, [event({ commune: '69266', besoins: ['repas', 'aide-alimentaire'] })]);
    const all = await cells();
    expect(all).toContainEqual({
      commune: '69266',
      need: 'aide-alimentaire',
      month: '2026-11',
      orientations: '< 5',
      sans_reponse: '< 5',
    });
    expect(await cells('?niveau=qpv')).toContainEqual({
      commune: '69259',
      qpv: 'QNDEMO01',
      need: 'repas',
      month: '2026-11',
      orientations: 6,
      sans_reponse: 5,
    });
  });

  it('refuses a bad event with the field and the reason, and stores nothing of the batch', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...event(), age: 34 }, 'events[1]'],
      [event({ semaine: '2026-11-20' }), 'events[1].semaine'],
      [event({ commune: 'Vénissieux' }), 'events[1].commune'],
      [event({ besoins: [] }), 'events[1].besoins'],
      [{ ...event(), foyer: '4' }, 'events[1].foyer'],
      [{ ...event(), resultats: { eligibles: -1, a_verifier: 0, exclus: 0 } }, 'events[1].resultats.eligibles'],
      [{ ...event(), motifs_exclusion: ['a', 'b', 'c', 'd'] }, 'events[1].motifs_exclusion'],
    ];
    for (const [bad, path] of cases) {
      const response = await sendEvents(worker, [event(), bad]);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; problems: { path: string }[] } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.problems.map((p) => p.path).join(' ')).toContain(path);
    }
    expect(await test.store.orientationEvents()).toEqual([]);
    expect((await sendEvents(worker, [])).status).toBe(400);
    expect((await test.app.request('/api/v1/orientation-events', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('keeps nothing from a structure that opted out of the statistics', async () => {
    const { structure } = (await test.store.getStructure('test--s003', { kind: 'server' })) ?? {};
    if (!structure) throw new Error('fixture');
    await test.store.upsert([{ kind: 'structure', record: { ...structure, statistiques_orientations: false } }]);
    const response = await sendEvents(worker, [event()]);
    expect(orientationEventsAnswerSchema.parse(await jsonOf(response))).toMatchObject({ enregistres: 0, ignores: 1 });
    expect(await test.store.orientationEvents()).toEqual([]);
  });

  it('purges events older than the retention period (24 months, by week)', async () => {
    await sendEvents(worker, [
      event({ semaine: isoWeekOf('2024-10-15') }),
      event({ semaine: isoWeekOf('2024-11-15') }),
      event(),
    ]);
    expect(await test.store.orientationEvents()).toHaveLength(2);
    now = Date.parse('2027-01-05T10:00:00Z');
    await cells();
    expect((await test.store.orientationEvents()).map((r) => r.event.semaine)).toEqual(['2026-W46']);
  });

  it('gives figures to coordinators only, and refuses unknown parameters', async () => {
    for (const url of ['/api/v1/stats/orientations', '/api/v1/stats/evaluation']) {
      expect((await get(worker, url)).status).toBe(403);
      expect((await get(partner, url)).status).toBe(403);
      expect((await test.app.request(url)).status).toBe(401);
    }
    expect((await get(coordinator, '/api/v1/stats/orientations?niveau=rue')).status).toBe(400);
    expect((await get(coordinator, '/api/v1/stats/orientations?commune=69259')).status).toBe(400);
    expect((await get(coordinator, '/api/v1/stats/evaluation?mois=99')).status).toBe(400);
  });

  it('evaluates per team and month, with the Métropole first', async () => {
    await sendEvents(
      worker,
      Array.from({ length: 7 }, () => event()),
    );
    const response = await get(coordinator, '/api/v1/stats/evaluation?jusqu_a=2026-11&mois=2');
    expect(response.status).toBe(200);
    const evaluation = evaluationSchema.parse(await jsonOf(response));
    expect(evaluation.mois).toEqual(['2026-10', '2026-11']);
    const november = evaluation.lignes.filter((l) => l.mois === '2026-11');
    expect(november[0]).toMatchObject({ equipe_id: null, orientations: 7, orientations_sans_reponse: 7 });
    expect(november.find((l) => l.equipe_id === 'test--s003')).toMatchObject({
      orientations: 7,
      fiches_envoyees: '< 5',
    });
    expect(evaluation.lignes.find((l) => l.mois === '2026-10')).toMatchObject({ orientations: '< 5' });
  });

  it('ends the evaluation, by default, with the month it is in Paris, also in the first hours of a month', async () => {
    // 23:30 UTC on 30 November is already 1 December, 00:30, in Paris.
    now = Date.parse('2026-11-30T23:30:00Z');
    const response = await get(coordinator, '/api/v1/stats/evaluation?mois=2');
    expect(response.status).toBe(200);
    expect(evaluationSchema.parse(await jsonOf(response)).mois).toEqual(['2026-11', '2026-12']);
  });

  it('logs counts, never an event field', async () => {
    await sendEvents(worker, [event({ commune: '69384', qpv: 'QNDEMO05' })]);
    const logged = JSON.stringify(test.logger.lines);
    expect(logged).toContain('orientation_events');
    for (const value of ['69384', 'QNDEMO05', 'zone_outside', '2026-W46']) expect(logged).not.toContain(value);
  });
});
