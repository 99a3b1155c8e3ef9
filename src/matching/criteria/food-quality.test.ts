// « Privilégier une alimentation de qualité »: when the worker asks it, a food service that declares fresh,
// organic or local produce or a choice of products moves up, with the reason said; nothing changes otherwise.
import { describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import type { OffreAlimentaire } from '../../domain/food-offer.ts';
import type { Profile } from '../../domain/profile.ts';
import { orient } from '../orient/orient.ts';
import { prepareDirectory } from '../snapshot.ts';

const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const PERSON: Profile = {
  besoins: ['epicerie-solidaire'],
  lieu: { code_insee: '69259', position: { latitude: 45.7, longitude: 4.88 } },
  mobilite: { mode: 'transports' },
};

/** Two épiceries of Vénissieux: the set parcel 600 m from the person, the fresh one with a free choice 2.4 km away. */
function directory(fresh: OffreAlimentaire | undefined) {
  const near = aStructure(1, { latitude: 45.7054, longitude: 4.88 });
  const far = aStructure(2, { latitude: 45.7216, longitude: 4.88 });
  return prepareDirectory(
    [near, far],
    [
      aService(1, 1, {
        categorie: 'social_grocery_stores',
        offre_alimentaire: { produits: [], choix: 'colis-compose', modes: [] },
      }),
      aService(2, 1, {
        categorie: 'social_grocery_stores',
        ...(fresh === undefined ? {} : { offre_alimentaire: fresh }),
      }),
    ],
  );
}
const FRESH: OffreAlimentaire = { produits: ['fruits-legumes-frais', 'bio'], choix: 'libre', modes: ['libre-service'] };
const ids = (profile: Profile, fresh: OffreAlimentaire | undefined = FRESH) =>
  orient(profile, directory(fresh), NOW).results.map((r) => r.service_id);

describe('favouring quality food', () => {
  it('without the request, the nearer set parcel comes first', () => {
    expect(ids(PERSON)).toEqual(['test--s1-1', 'test--s2-1']);
  });

  it('with it, the fresh, organic, free-choice épicerie moves above the nearer set parcel, with its reason', () => {
    const profile = { ...PERSON, alimentation_qualite: true };
    const o = orient(profile, directory(FRESH), NOW);
    expect(o.results.map((r) => r.service_id)).toEqual(['test--s2-1', 'test--s1-1']);
    const fresh = o.results[0];
    expect(fresh?.reasons).toContainEqual({
      code: 'food_quality',
      kind: 'plus',
      params: { qualites: ['fruits-legumes-frais', 'bio', 'choix'] },
    });
    expect(o.results[1]?.reasons.some((r) => r.code === 'food_quality')).toBe(false);
  });

  it('counts only what the partner declared: a service that says nothing is told so, and does not move', () => {
    const profile = { ...PERSON, alimentation_qualite: true };
    const o = orient(profile, directory(undefined), NOW);
    expect(o.results.map((r) => r.service_id)).toEqual(['test--s1-1', 'test--s2-1']);
    expect(o.results[1]?.reasons).toContainEqual({ code: 'food_quality_not_declared', kind: 'info', params: {} });
  });

  it('never excludes, nor changes a verdict', () => {
    const plain = orient(PERSON, directory(FRESH), NOW);
    const favoured = orient({ ...PERSON, alimentation_qualite: true }, directory(FRESH), NOW);
    expect(favoured.excluded).toEqual(plain.excluded);
    expect(favoured.results.map((r) => [r.service_id, r.verdict]).sort()).toEqual(
      plain.results.map((r) => [r.service_id, r.verdict]).sort(),
    );
  });
});
