// Reasons are replayed on demand from the same checks that scored the service: the replay must land on the same
// verdict, score and missing fields, or an explanation could contradict the rank it explains.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DEMO_NOW, generateDirectory } from '../../demo/generate-directory.ts';
import type { Profile } from '../../domain/profile.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { newEvaluation, prepareChecks } from '../criteria/criterion.ts';
import { availabilityFilter } from '../criteria/hours.ts';
import { derivePerson } from '../person.ts';
import { prepareDirectory } from '../snapshot.ts';
import { CRITERIA } from './criteria-list.ts';
import { evaluator } from './explain.ts';

const demo = generateDirectory({ services: 300 });
const snapshot = prepareDirectory(demo.structures, demo.services);
const now = Date.parse(DEMO_NOW);

const profiles: Profile[] = [
  { besoins: [] },
  { besoins: ['aide-alimentaire'], age: 30, lieu: { code_insee: '69259' }, ressources: 'bas-revenus' },
  { besoins: ['repas'], urgence: 'aujourdhui', sans_domicile_fixe: true, situation_administrative: 'sans-titre' },
  { besoins: ['cuisiner', 'lien-social'], langues: ['ar'], regimes: ['halal'], peut_cuisiner: false },
  {
    besoins: ['epicerie-solidaire'],
    foyer: { adultes: 1, ages_enfants: [1] },
    mobilite: { mode: 'pied', distance_max_km: 3 },
    lieu: { code_insee: '69388' },
    alimentation_qualite: true,
  },
];

test('scoring without reasons and explaining with them give the same verdict, score, tiers and missing fields', () => {
  fc.assert(
    fc.property(fc.constantFrom(...profiles), (profile) => {
      const person = derivePerson(profile);
      const ctx = { now, today: parisDay(now), criteres: ['familles'], audience: 'professionnel' as const };
      const ev8r = evaluator(
        prepareChecks(CRITERIA, person, ctx),
        person,
        ctx,
        availabilityFilter(person) !== undefined,
      );
      const scored = newEvaluation(false);
      for (const entry of snapshot.entries) {
        ev8r.evaluate(entry, scored);
        const explained = ev8r.explain(entry, undefined, false);
        const outcome = (ev: typeof scored) => ({
          level: ev.level,
          score: ev.score,
          missing: ev.missing,
          blocks: ev.blocks,
          doubt: ev.doubt,
          action: ev.action,
          beyondReach: ev.beyondReach,
          secondary: ev.secondary,
        });
        expect(outcome(explained)).toEqual(outcome(scored));
        expect(explained.reasons?.filter((r) => r.kind === 'excludes')).toHaveLength(scored.blocks);
      }
    }),
    { numRuns: profiles.length * 2 },
  );
});

test('a criterion that concerns some traits leaves every service without them untouched, so skipping it changes nothing', () => {
  const fresh = newEvaluation(true);
  for (const profile of profiles) {
    const person = derivePerson(profile);
    const ctx = { now, today: parisDay(now), criteres: ['familles'], audience: 'professionnel' as const };
    for (const criterion of CRITERIA) {
      if (criterion.concerns === undefined) continue;
      const check = criterion.prepare(person, ctx);
      if (check === null) continue;
      let skipped = 0;
      for (const entry of snapshot.entries) {
        if ((entry.traits & criterion.concerns) !== 0) continue;
        const ev = newEvaluation(true);
        check(entry, ev);
        expect(ev, `${criterion.name} on ${entry.id}`).toEqual(fresh);
        skipped++;
      }
      expect(skipped, criterion.name).toBeGreaterThan(0);
    }
  }
});
