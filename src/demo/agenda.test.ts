import { describe, expect, it } from 'vitest';
import { occurrencesBetween } from '../domain/agenda/occurrences.ts';
import { parseRecord } from '../domain/record-kinds.ts';
import { describeProblems } from '../domain/validation.ts';
import { actionHintsByStructure } from '../matching/agenda/hints.ts';
import { derivePerson } from '../matching/person.ts';
import { generateAgenda } from './agenda.ts';
import { generateDirectory } from './generate-directory.ts';

const directory = generateDirectory();
const NOW = '2027-03-10T10:00:00+01:00';
const programme = generateAgenda(directory, { now: NOW });
const DAY = 86_400_000;

describe('the demo programme', () => {
  it('exists, and every action parses with the domain schema', () => {
    expect(programme.length).toBeGreaterThanOrEqual(25);
    const problems = programme.flatMap((a) => {
      const parsed = parseRecord('action', a);
      return parsed.ok ? [] : [`${a.id}: ${describeProblems(parsed.problems)}`];
    });
    expect(problems).toEqual([]);
    expect(new Set(programme.map((a) => a.id)).size).toBe(programme.length);
  });

  it('has weekly and monthly ateliers cuisine, distributions, repas partagés, a market and a visit', () => {
    const ateliers = programme.filter((a) => a.type === 'atelier-cuisine');
    expect(ateliers.some((a) => a.calendrier.rrule?.startsWith('FREQ=WEEKLY'))).toBe(true);
    expect(ateliers.some((a) => a.calendrier.rrule?.startsWith('FREQ=MONTHLY'))).toBe(true);
    for (const type of ['distribution', 'repas-partage', 'marche', 'visite'] as const)
      expect(programme.filter((a) => a.type === type).length, type).toBeGreaterThan(0);
  });

  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(generateAgenda(generateDirectory(), { now: NOW })).toEqual(programme);
    const other = generateAgenda(generateDirectory({ seed: 7 }), { seed: 7, now: NOW });
    expect(other.map((a) => a.organisateurs)).not.toEqual(programme.map((a) => a.organisateurs));
  });

  it('spreads over the Métropole: organisers in at least 15 communes', () => {
    const communeOf = new Map(directory.structures.map((s) => [s.id, s.code_insee]));
    const communes = new Set(programme.map((a) => communeOf.get(a.organisateurs[0] as string)));
    expect(communes.size).toBeGreaterThanOrEqual(15);
  });

  it('is organised by public partners of the directory that offer a fitting service', () => {
    const structures = new Map(directory.structures.map((s) => [s.id, s]));
    for (const a of programme) {
      for (const id of a.organisateurs) expect(structures.get(id)?.visibilite, id).toBe('public');
      if (a.lieu.type === 'structure') expect(structures.has(a.lieu.structure_id)).toBe(true);
    }
  });

  it.each([
    ['the day it is generated', NOW],
    ['a year later', '2028-03-10T10:00:00+01:00'],
  ])('has upcoming occurrences %s: every recurring action within five weeks', (_, at) => {
    const from = Date.parse(at);
    const recurring = programme.filter((a) => a.calendrier.rrule !== undefined);
    const without = recurring.filter((a) => occurrencesBetween(a.calendrier, from, from + 35 * DAY).length === 0);
    expect(without.map((a) => a.id)).toEqual([]);
  });

  it('places its one-off events in the coming weeks, and has already begun its series', () => {
    const from = Date.parse(NOW);
    for (const a of programme.filter((x) => x.calendrier.rrule === undefined)) {
      const [next] = occurrencesBetween(a.calendrier, from, from + 30 * DAY);
      expect(next, a.id).toBeDefined();
    }
    const started = programme.filter((a) => a.calendrier.rrule && Date.parse(`${a.calendrier.debut}:00+01:00`) < from);
    expect(started.length).toBe(programme.filter((a) => a.calendrier.rrule).length);
  });

  it('gives a person who wants to cook a « Prochain atelier » hint in several communes', () => {
    const structureOf = (id: string) => directory.structures.find((s) => s.id === id);
    const communes = ['69259', '69266', '69388', '69029', '69290'];
    const hinted = communes.filter((code) => {
      const person = derivePerson({ besoins: ['cuisiner'], lieu: { code_insee: code } });
      return actionHintsByStructure(person, programme, structureOf, Date.parse(NOW)).size > 0;
    });
    expect(hinted.length).toBeGreaterThanOrEqual(3);
  });
});
