// Actors per territory, for the "interconnaissance" the 2019 working group asked for: which partners work in a
// commune (a service takes place there, at their address or hors les murs) and on which needs. Lyon as a whole
// (69123) gathers the actors of its arrondissements. Published partners only, as in the coverage matrix.
import { LYON } from '../../domain/communes.ts';
import type { NeedValue } from '../../domain/vocabulary.ts';
import { NEED_KEYS } from '../needs.ts';
import type { DirectorySnapshot } from '../snapshot.ts';

export interface Actor {
  structureId: string;
  nom: string;
  /** Needs its services in the territory answer, in the order of the needs list. */
  needs: NeedValue[];
  /** Its services in the territory (answering `need` when one is asked). */
  services: number;
  /** At least one of them welcomes everyone (accueil inconditionnel). */
  unconditional: boolean;
  /** Where the partner itself is (its address's commune), which may differ from the territory. */
  homeCommune: string;
  telephone: string | null;
  courriel: string | null;
}

interface Building {
  actor: Actor;
  mask: number;
}

const ARRONDISSEMENT = /^6938[1-9]$/;

/** Actors of every territory that has some, sorted by name (French collation); optionally for one need only. */
export function actorsByTerritory(
  snapshot: DirectorySnapshot,
  options: { need?: NeedValue } = {},
): Map<string, Actor[]> {
  const needBit = options.need ? 1 << NEED_KEYS.indexOf(options.need) : 0;
  const building = new Map<string, Map<string, Building>>();
  // A service that moves is an actor where it stops, counted once per territory.
  const counted = new Set<string>();
  for (const entry of [...snapshot.entries, ...snapshot.stops]) {
    if (!entry.published || entry.needsMask === 0 || !entry.communeCode || entry.itinerant) continue;
    if (needBit !== 0 && (entry.needsMask & needBit) === 0) continue;
    const codes = ARRONDISSEMENT.test(entry.communeCode) ? [entry.communeCode, LYON] : [entry.communeCode];
    for (const code of codes) {
      if (entry.stop !== null) {
        if (counted.has(`${entry.id}|${code}`)) continue;
        counted.add(`${entry.id}|${code}`);
      }
      let actors = building.get(code);
      if (!actors) {
        actors = new Map();
        building.set(code, actors);
      }
      let b = actors.get(entry.structureId);
      if (!b) {
        const s = entry.structure;
        b = {
          mask: 0,
          actor: {
            structureId: entry.structureId,
            nom: s?.nom ?? entry.service.nom,
            needs: [],
            services: 0,
            unconditional: false,
            homeCommune: s?.code_insee ?? entry.communeCode,
            telephone: s?.telephone ?? entry.service.telephone ?? null,
            courriel: s?.courriel ?? entry.service.courriel ?? null,
          },
        };
        actors.set(entry.structureId, b);
      }
      b.mask |= entry.needsMask;
      b.actor.services++;
      if (entry.accueil === 'inconditionnel') b.actor.unconditional = true;
    }
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const out = new Map<string, Actor[]>();
  for (const [code, actors] of building) {
    const list = [...actors.values()].map(({ actor, mask }) => ({
      ...actor,
      needs: NEED_KEYS.filter((_, i) => (mask & (1 << i)) !== 0),
    }));
    list.sort((a, b) => collator.compare(a.nom, b.nom) || (a.structureId < b.structureId ? -1 : 1));
    out.set(code, list);
  }
  return out;
}
