// Calendar export of the programme: the .ics feeds per commune and per partner are valid iCalendar — an
// independent parser (ical.js, Mozilla's) reads them — with a VTIMEZONE for Europe/Paris, a DTSTAMP, a stable UID
// per action, and the occurrences the agenda shows: 14:00 Paris time on both sides of the change of time, without
// the public holidays the organiser skips. Bad parameters are 4xx naming the field.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/action.ts';
import { anAction } from '../fixtures/actions.ts';
import { makeStructure } from './fixtures/directory-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const NOW = new Date('2026-03-20T10:00:00Z');
const venissieux = (n: number) =>
  makeStructure(n, { commune: 'Vénissieux', code_insee: '69259', code_postal: '69200' });

/** Monday workshops at structure 1 (Vénissieux) from 23 March 2026, skipping public holidays (Easter Monday 6 April). */
const monday = anAction(1, 1, {
  id: 'test--atelier-lundi',
  organisateurs: ['test--s001'],
  lieu: { type: 'structure', structure_id: 'test--s001' },
  calendrier: {
    debut: '2026-03-23T14:00',
    duree_minutes: 120,
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    jusqu_au: '2026-04-20',
    sauf_jours_feries: true,
  },
});
/** Hors les murs in Saint-Fons, once; and a professionals-only one that never leaves the server in a public feed. */
const market = anAction(2, 1, {
  id: 'test--marche',
  type: 'marche',
  titre: 'Marché solidaire',
  organisateurs: ['test--s002'],
  lieu: { type: 'adresse', adresse: 'Place Roger Salengro', commune: 'Saint-Fons', code_insee: '69199' },
  calendrier: { debut: '2026-04-04T09:00', duree_minutes: 180, sauf_jours_feries: false },
});
const hidden = anAction(1, 2, {
  id: 'test--reserve',
  organisateurs: ['test--s001'],
  lieu: { type: 'structure', structure_id: 'test--s001' },
  visibilite: 'professionnels',
});

async function appWithAgenda(actions: Action[] = [monday, market, hidden]) {
  const test = await makeTestApp({
    fixture: { structures: [venissieux(1), venissieux(2)], services: [] },
    clock: () => NOW,
  });
  await test.store.upsert(actions.map((record) => ({ kind: 'action' as const, record })));
  return test;
}

/** Parses a feed; its VTIMEZONE is registered first, so that ical.js reads every TZID time with it. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** Occurrences of an event as UTC ISO strings, expanded by ical.js itself (RRULE, EXDATE, VTIMEZONE). */
function occurrences(event: ICAL.Event, until: string): string[] {
  const out: string[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && next.toJSDate() < new Date(until); next = it.next()) {
    out.push(next.toJSDate().toISOString());
  }
  return out;
}

describe('calendar feeds (.ics)', () => {
  it('a commune’s feed parses with ical.js and holds its public actions with the expected occurrences', async () => {
    const { app } = await appWithAgenda();
    const response = await app.request('/api/v1/agenda/commune/69259.ics');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/calendar/);
    const { calendar, events } = eventsOf(await response.text());
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    // Only the public action held in Vénissieux: the market is in Saint-Fons, the other is for professionals.
    expect(events.map((e) => e.uid)).toEqual(['test--atelier-lundi@boussole']);
    const [event] = events;
    if (!event) throw new Error('no event');
    expect(event.summary).toBe('Atelier cuisine 1');
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris');
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-20T10:00:00Z');
    expect(event.location).toContain('Vénissieux');
    // 23 and 30 March (winter then summer time: 13:00 then 12:00 UTC), no Easter Monday, then until 20 April.
    expect(occurrences(event, '2026-05-01T00:00:00Z')).toEqual([
      '2026-03-23T13:00:00.000Z',
      '2026-03-30T12:00:00.000Z',
      '2026-04-13T12:00:00.000Z',
      '2026-04-20T12:00:00.000Z',
    ]);
  });

  it('a partner’s feed holds the actions it organises; its UID stays the same from one download to the next', async () => {
    const { app } = await appWithAgenda();
    const first = eventsOf(await (await app.request('/api/v1/agenda/structure/test--s002.ics')).text());
    const second = eventsOf(await (await app.request('/api/v1/agenda/structure/test--s002.ics')).text());
    expect(first.events.map((e) => e.uid)).toEqual(['test--marche@boussole']);
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    const [event] = first.events;
    if (!event) throw new Error('no event');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-04T07:00:00.000Z');
    expect(event.location).toContain('Place Roger Salengro');
    expect(event.isRecurring()).toBe(false);
  });

  it('Lyon as a whole gathers its arrondissements; bad codes and unknown partners are refused', async () => {
    const { app } = await appWithAgenda();
    const bad = await app.request('/api/v1/agenda/commune/lyon.ics');
    expect(bad.status).toBe(400);
    expect(await jsonOf(bad)).toMatchObject({ error: { code: 'invalid_request', problems: [{ path: 'code_insee' }] } });
    expect((await app.request('/api/v1/agenda/commune/75056.ics')).status).toBe(404);
    expect((await app.request('/api/v1/agenda/structure/test--s009.ics')).status).toBe(404);
    const lyon = await app.request('/api/v1/agenda/commune/69123.ics');
    expect(lyon.status).toBe(200);
    expect(eventsOf(await lyon.text()).events).toEqual([]);
  });
});
