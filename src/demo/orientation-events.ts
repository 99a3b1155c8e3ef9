// The demo's orientation events: a deterministic, fictional stream of what devices would have sent (no person
// behind any of them), so that a demo coordinator sees « demandes sans réponse » and the pilot's figures at once.
// Orientations are drawn where people live (by population) and find an eligible service when the directory has
// one for the need in their commune; where it has none, most end without an answer — which is what coverage
// gaps look like from the demand side.

import { ADDRESSABLE_COMMUNES, type Commune } from '../domain/communes.ts';
import { BANDES_FOYER, type OrientationEvent } from '../domain/orientation-event.ts';
import type { Service } from '../domain/service.ts';
import { isoWeekOf, monthOfWeek } from '../domain/time/iso-week.ts';
import { BESOINS, type NeedValue } from '../domain/vocabulary.ts';
import { qpvOfCommune } from './qpv.ts';
import { Rng } from './random.ts';

export interface DemoEventOptions {
  services: readonly Service[];
  /** The month the orientations fall in, `YYYY-MM`. */
  month: string;
  count: number;
  seed?: number;
  /** The last day of the month drawn (the current month: today), default the month's last. */
  untilDay?: number;
}

const NEEDS = Object.keys(BESOINS) as NeedValue[];
/** Exclusion codes of the matcher that the demo's orientations most often meet (src/matching/reasons.ts). */
const EXCLUSIONS = ['zone_outside', 'distance_beyond_mobility', 'public_exclusive_mismatch', 'resources_not_accepted'];

function supplyByCommune(services: readonly Service[]): Map<string, Set<NeedValue>> {
  const supply = new Map<string, Set<NeedValue>>();
  for (const service of services) {
    const code = service.lieu?.code_insee;
    if (!code || !service.categorie) continue;
    const needs = supply.get(code) ?? new Set<NeedValue>();
    for (const need of NEEDS) {
      if ((BESOINS[need].categories as readonly string[]).includes(service.categorie)) needs.add(need);
    }
    supply.set(code, needs);
  }
  return supply;
}

function weightedCommune(rng: Rng, total: number): Commune {
  let left = rng.next() * total;
  for (const c of ADDRESSABLE_COMMUNES) {
    left -= c.population;
    if (left < 0) return c;
  }
  return ADDRESSABLE_COMMUNES[ADDRESSABLE_COMMUNES.length - 1] as Commune;
}

export function generateOrientationEvents({
  services,
  month,
  count,
  seed = 21,
  untilDay,
}: DemoEventOptions): OrientationEvent[] {
  const rng = new Rng(seed);
  const supply = supplyByCommune(services);
  const population = ADDRESSABLE_COMMUNES.reduce((sum, c) => sum + c.population, 0);
  const [year, m] = month.split('-').map(Number);
  const days = Math.min(untilDay ?? 31, new Date(Date.UTC(year ?? 1970, m ?? 1, 0)).getUTCDate());
  const events: OrientationEvent[] = [];
  for (let i = 0; i < count; i++) {
    const commune = weightedCommune(rng, population);
    const needs = rng.sample(NEEDS.slice(0, 6), rng.int(1, 2));
    const day = `${month}-${String(rng.int(1, days)).padStart(2, '0')}`;
    const served = needs.some((n) => supply.get(commune.code_insee)?.has(n));
    const eligibles = served ? (rng.chance(0.85) ? rng.int(1, 6) : 0) : rng.chance(0.15) ? 1 : 0;
    const qpv = qpvOfCommune(commune.code_insee);
    const event: OrientationEvent = {
      id: `demo-${month}-${String(i).padStart(5, '0')}-evt`,
      semaine: isoWeekOf(day),
      commune: commune.code_insee,
      besoins: [...needs].sort(),
      foyer: rng.pick(BANDES_FOYER),
      resultats: { eligibles, a_verifier: rng.int(0, 4), exclus: rng.int(5, 40) },
      motifs_exclusion: rng.sample(EXCLUSIONS, rng.int(1, 3)),
      orientation_envoyee: eligibles > 0 && rng.chance(0.3),
    };
    if (qpv.length > 0 && rng.chance(0.6)) event.qpv = rng.pick(qpv).code;
    // A day at a month's edge may lie in a week that counts in the month before or after: keep the month's own.
    if (monthOfWeek(event.semaine) === month) events.push(event);
  }
  return events;
}
