// The orientation hint: a partner's next action shows on its result card only when it answers one of
// the person's needs, takes place within two weeks and near enough; the soonest wins. Injected clock.
import { describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { aStructure } from '../../../tests/fixtures/records.ts';
import type { Action } from '../../domain/action.ts';
import { actionHintsByStructure } from './hints.ts';

// Tuesday 24 March 2026, 09:00 Paris.
const NOW = Date.parse('2026-03-24T08:00:00Z');
const structures = new Map([[`test--s1`, aStructure(1, { latitude: 45.7, longitude: 4.88 })]]);
const structureOf = (id: string) => structures.get(id);
const person = { needs: ['cuisiner' as const], latitude: 45.705, longitude: 4.88, typicalKm: 2, maxKm: null };

const thursday = (overrides: Partial<Action> = {}) =>
  anAction(1, 1, {
    calendrier: {
      debut: '2026-03-05T14:00',
      duree_minutes: 120,
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      sauf_jours_feries: true,
    },
    ...overrides,
  });

describe('the next action hint of an orientation', () => {
  it('a cooking workshop on Thursday at 14:00, 560 m away, for a person who wants to learn to cook', () => {
    const hints = actionHintsByStructure(person, [thursday()], structureOf, NOW);
    const hint = hints.get('test--s1');
    expect(hint).toMatchObject({
      type: 'atelier-cuisine',
      day: '2026-03-26',
      time: '14:00',
      inscription_requise: true,
    });
    expect(hint?.distance_km).toBeCloseTo(0.556, 2);
  });

  it('nothing when the kind answers none of the needs, when it is too far, or later than two weeks', () => {
    expect(actionHintsByStructure({ ...person, needs: ['eau'] }, [thursday()], structureOf, NOW).size).toBe(0);
    expect(actionHintsByStructure({ ...person, latitude: 45.9 }, [thursday()], structureOf, NOW).size).toBe(0);
    const later = thursday({ calendrier: { debut: '2026-05-07T14:00', duree_minutes: 60, sauf_jours_feries: false } });
    expect(actionHintsByStructure(person, [later], structureOf, NOW).size).toBe(0);
  });

  it('the soonest fitting action of a partner wins; without a position, no distance but still a hint', () => {
    const saturday = thursday({
      id: 'test--a1-2',
      calendrier: { debut: '2026-03-28T10:00', duree_minutes: 60, sauf_jours_feries: false },
    });
    const hints = actionHintsByStructure(person, [saturday, thursday()], structureOf, NOW);
    expect(hints.get('test--s1')?.day).toBe('2026-03-26');
    const nowhere = actionHintsByStructure(
      { ...person, latitude: null, longitude: null },
      [saturday],
      structureOf,
      NOW,
    );
    expect(nowhere.get('test--s1')).toMatchObject({ day: '2026-03-28', distance_km: null });
  });
});

describe('the agenda', () => {
  it('this week runs to Sunday night and this month to its last day, in Paris', async () => {
    const { periodWindow } = await import('./agenda.ts');
    // Tuesday 24 March 2026: Sunday 29 March ends at 22:00 UTC (summer time from that night), 31 March too.
    expect(new Date(periodWindow('semaine', NOW).to).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(periodWindow('mois', NOW).to).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });

  it('lists occurrences in time order, by commune (Lyon gathers its arrondissements) and by kind', async () => {
    const { agendaBetween } = await import('./agenda.ts');
    const market = anAction(1, 2, {
      type: 'marche',
      lieu: { type: 'adresse', adresse: 'Place Bellecour', commune: 'Lyon 2e', code_insee: '69382' },
      calendrier: { debut: '2026-03-25T09:00', duree_minutes: 60, sauf_jours_feries: false },
    });
    const week = [NOW, Date.parse('2026-03-29T22:00:00Z')] as const;
    const all = agendaBetween([thursday(), market], structureOf, ...week);
    expect(all.map((i) => `${i.occurrence.day} ${i.action.type}`)).toEqual([
      '2026-03-25 marche',
      '2026-03-26 atelier-cuisine',
    ]);
    expect(agendaBetween([thursday(), market], structureOf, ...week, { code_insee: '69123' }).length).toBe(1);
    expect(agendaBetween([thursday(), market], structureOf, ...week, { code_insee: '69259' })[0]?.place?.commune).toBe(
      'Vénissieux',
    );
    expect(agendaBetween([thursday(), market], structureOf, ...week, { type: 'atelier-cuisine' }).length).toBe(1);
  });
});
