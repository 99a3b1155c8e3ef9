// Search in French the way workers type: without accents, with typos, with a prefix, combined with filters.
import fc from 'fast-check';
import opening_hours from 'opening_hours';
import { describe, expect, test } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { generateDirectory } from '../../demo/generate-directory.ts';
import type { Service } from '../../domain/service.ts';
import { createHoursEngine } from '../hours/hours-engine.ts';
import { prepareDirectory } from '../snapshot.ts';
import { normalizeFrench, STOP_WORDS, tokenizeFrench } from './french-text.ts';
import { type SearchFilters, search } from './search.ts';
import { SavedEntries, type SearchEntry, searchEntriesToRows } from './search-entry.ts';
import {
  adoptSearchIndex,
  buildSearchIndex,
  loadSearchIndex,
  searchIndexOf,
  serializeSearchIndex,
} from './search-index.ts';

const NOW = Date.parse('2026-11-03T10:00:00+01:00'); // Tuesday 10:00
const hours = createHoursEngine(opening_hours);

const LYON7 = { code_insee: '69387', commune: 'Lyon', code_postal: '69007' };
const records: [number, string, Partial<Service>, object?][] = [
  [
    1,
    'Épicerie solidaire Les Minguettes',
    { nom: 'Épicerie solidaire', horaires_accueil: 'Tu 09:00-12:00' },
    { nom: 'Épicerie solidaire Les Minguettes' },
  ],
  [
    2,
    'Restos du Cœur',
    {
      nom: 'Distribution alimentaire',
      tarif: { type: 'gratuit' },
      horaires_accueil: 'Th 09:00-12:00',
      regimes: ['halal', 'sans-porc'],
    },
    { nom: 'Restos du Cœur – centre Vénissieux' },
  ],
  [
    3,
    'L’Escale',
    { nom: 'Repas solidaire', categorie: 'solidarity_restaurant', tarif: { type: 'payant' }, langues: ['fr', 'ar'] },
    { nom: 'L’Escale Gourmande', ...LYON7, latitude: 45.745, longitude: 4.842, accessibilite: { pmr: true } },
  ],
  [
    4,
    'Épicerie sociale',
    {
      nom: 'Épicerie sociale',
      categorie: 'social_grocery_stores',
      eligibilite: { ...aService(0, 0).eligibilite, sur_orientation: true },
      fiche_liaison: { requise: true, canaux: ['application'], champs: [] },
    },
    { nom: 'Œuvre de la Croix-Rousse', code_insee: '69384', commune: 'Lyon', code_postal: '69004' },
  ],
];
const snapshot = prepareDirectory(
  records.map(([n, , , s]) => aStructure(n, s)),
  records.map(([n, , service]) => aService(n, 1, service)),
);
const index = buildSearchIndex(snapshot);
const ids = (query: string, filters: SearchFilters = {}, withHours = true) =>
  search(snapshot, query, filters, NOW, { index, ...(withHours ? { hours } : {}) }).hits.map((h) =>
    Number(h.structure_id.slice(7)),
  );

describe('French text', () => {
  test('accents, case, ligatures and apostrophes are normalized; small words are dropped', () => {
    expect(normalizeFrench('ÉPICERIE Cœur Vénissieux')).toBe('epicerie coeur venissieux');
    expect(tokenizeFrench('L’Escale d’Écully')).toEqual(['l', 'escale', 'd', 'ecully']);
    expect(STOP_WORDS.has('les')).toBe(true);
    expect(STOP_WORDS.has('sans')).toBe(false);
  });
});

describe('search', () => {
  test('"epicerie solidaire venisieux" (no accent, a letter missing) finds the Vénissieux épicerie solidaire', () => {
    expect(ids('epicerie solidaire venisieux')[0]).toBe(1);
  });

  test('accent- and case-insensitive, ligatures and apostrophes: "COEUR", "oeuvre", "l\'escale"', () => {
    expect(ids('COEUR')).toEqual([2]);
    expect(ids('oeuvre')).toEqual([4]);
    expect(ids("l'escale")).toEqual([3]);
  });

  test('a prefix finds the whole word; every word must match', () => {
    expect(ids('epic').sort()).toEqual([1, 4]);
    expect(ids('epicerie sociale')).toEqual([4]);
  });

  test('the diets a partner declares are words to search for: « halal », « sans porc »', () => {
    expect(ids('halal')).toEqual([2]);
    expect(ids('HALAL venissieux')).toEqual([2]);
    expect(ids('sans porc')).toEqual([2]);
  });

  test('a commune filter on Lyon covers its arrondissements', () => {
    expect(ids('', { commune: '69123' }).sort()).toEqual([3, 4]);
    expect(ids('', { commune: '69387' })).toEqual([3]);
  });

  test('filters: need, price, no referral, language, step-free access', () => {
    expect(ids('', { besoins: ['repas'] })).toEqual([3]);
    expect(ids('', { prix: 'gratuit' }).sort()).toEqual([1, 2, 4]);
    expect(ids('', { prix: 'solidaire' }).sort()).toEqual([1, 2, 4]);
    expect(ids('', { sans_orientation: true }).sort()).toEqual([1, 2, 3]);
    expect(ids('', { langue: 'ar' })).toEqual([3]);
    expect(ids('', { pmr: true })).toEqual([3]);
    expect(ids('epicerie', { sans_orientation: true })).toEqual([1]);
  });

  test('open now and this week use the hours; without the engine the filter is reported not applied', () => {
    expect(ids('', { ouvert: 'maintenant' })).toEqual([1]);
    expect(ids('', { ouvert: 'semaine' }).sort()).toEqual([1, 2]);
    expect(search(snapshot, '', { ouvert: 'maintenant' }, NOW, { index }).hours).toBe('not_loaded');
    expect(search(snapshot, '', { ouvert: 'maintenant' }, NOW, { index, hours }).hours).toBe('applied');
  });

  test('from a chosen place, browsing without a query gives the nearest first; a query still ranks by relevance', () => {
    const nearLyon7 = { latitude: 45.746, longitude: 4.843 };
    const near = (query: string, filters: SearchFilters = {}) =>
      search(snapshot, query, filters, NOW, { index, hours, near: nearLyon7 }).hits.map((h) =>
        Number(h.structure_id.slice(7)),
      );
    expect(near('')[0]).toBe(3);
    expect(near('', { prix: 'gratuit' })).not.toContain(3);
    expect(near('epicerie sociale')).toEqual([4]);
  });

  test('from a chosen place, a service that moves is as near as the nearest commune it stops in', () => {
    const moving = prepareDirectory(
      [
        aStructure(1),
        aStructure(2, {
          code_insee: '69384',
          commune: 'Lyon',
          code_postal: '69004',
          latitude: 45.774,
          longitude: 4.832,
        }),
      ],
      [
        aService(1, 1, {
          nom: 'Maraude du soir',
          arrets: [
            {
              id: 'a',
              commune: 'Lyon',
              code_insee: '69387',
              latitude: null,
              longitude: null,
              horaires: 'Mo 18:00-19:00',
              nom: 'Place Jean Macé',
            },
          ],
        }),
        aService(2, 1, { nom: 'Repas partagé' }),
      ],
    );
    const nearLyon7 = { latitude: 45.746, longitude: 4.843 };
    const hits = search(moving, '', {}, NOW, { index: buildSearchIndex(moving), near: nearLyon7 }).hits;
    // Its structure is in Vénissieux, farther than the Croix-Rousse; its stop is in Lyon 7e.
    expect(hits.map((h) => h.service_id)).toEqual([aService(1, 1).id, aService(2, 1).id]);
  });

  test('an empty query browses alphabetically by structure; the total counts beyond the limit', () => {
    expect(ids('')).toEqual([1, 3, 4, 2]);
    const answer = search(snapshot, '', {}, NOW, { index, limit: 2 });
    expect(answer.hits).toHaveLength(2);
    expect(answer.total).toBe(4);
  });
});

describe('search over the demo directory', () => {
  const demo = generateDirectory({ services: 400 });
  const big = prepareDirectory(demo.structures, demo.services);
  const bigIndex = buildSearchIndex(big);
  const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

  test('finds every service by a word of its name with one typo (substitution, insertion or deletion)', () => {
    // Listings awaiting validation are not searchable (see search.ts): every other service must be found.
    const published = big.entries.filter((e) => e.published);
    const cases = fc
      .record({
        entry: fc.integer({ min: 0, max: published.length - 1 }),
        word: fc.nat(),
        op: fc.constantFrom('substitute', 'insert', 'delete'),
        at: fc.nat(),
        letter: fc.constantFrom(...LETTERS),
      })
      .map(({ entry, word, op, at, letter }) => {
        const e = published[entry];
        const words = tokenizeFrench(e?.service.nom ?? '').filter((w) => w.length >= 5 && !STOP_WORDS.has(w));
        const w = words[word % Math.max(1, words.length)];
        if (!e || !w) return null;
        const i = 1 + (at % (w.length - 1));
        const typo =
          op === 'substitute'
            ? w.slice(0, i) + letter + w.slice(i + 1)
            : op === 'insert'
              ? w.slice(0, i) + letter + w.slice(i)
              : w.slice(0, i) + w.slice(i + 1);
        return { id: e.id, typo };
      });
    fc.assert(
      fc.property(cases, (c) => {
        if (c === null) return;
        const found = search(big, c.typo, {}, NOW, { index: bigIndex, limit: big.entries.length }).hits;
        expect(
          found.map((h) => h.service_id),
          c.typo,
        ).toContain(c.id);
      }),
      { numRuns: 300 },
    );
  });

  test('the « alimentation proposée » filter keeps exactly the services that declare it', () => {
    const all = search(big, '', {}, NOW, { index: bigIndex, limit: 1000 });
    const fresh = search(big, '', { aliment: 'fruits-legumes-frais' }, NOW, { index: bigIndex, limit: 1000 });
    const declaring = big.entries.filter(
      (e) => e.published && e.service.offre_alimentaire?.produits.includes('fruits-legumes-frais'),
    );
    expect(fresh.total).toBe(declaring.length);
    expect(fresh.total).toBeGreaterThan(20);
    expect(fresh.total).toBeLessThan(all.total);
    const choice = search(big, '', { aliment: 'choix' }, NOW, { index: bigIndex, limit: 1000 });
    for (const hit of choice.hits)
      expect(['libre', 'accompagne']).toContain(big.byId.get(hit.service_id)?.service.offre_alimentaire?.choix);
  });

  test('listings reserved to professionals are hidden from the public audience', () => {
    const hidden = big.entries.filter((e) => e.professionalOnly).length;
    expect(hidden).toBeGreaterThan(0);
    const pub = search(big, '', {}, NOW, { index: bigIndex, audience: 'public' }).total;
    const pro = search(big, '', {}, NOW, { index: bigIndex }).total;
    expect(pro - pub).toBe(hidden);
  });
});

describe('a saved search index', () => {
  test('taken back for the same records, it answers exactly as a freshly built one', () => {
    const demo = generateDirectory({ services: 400 });
    const built = buildSearchIndex(prepareDirectory(demo.structures, demo.services));
    const saved = serializeSearchIndex(built);
    const again = prepareDirectory(demo.structures, demo.services);
    const loaded = loadSearchIndex(new SavedEntries(searchEntriesToRows(again.entries)), saved);
    const adopted = adoptSearchIndex(again, loaded);
    expect(searchIndexOf(again)).toBe(adopted);
    expect(adopted.mini).toBe(loaded.mini);
    // The same MiniSearch inside (its terms in another order: the tree is filled in the saved order).
    const plain = (index: typeof built) => {
      const js = index.mini.toJSON();
      return { ...js, index: js.index.sort(([a], [b]) => (a < b ? -1 : 1)) };
    };
    expect(plain(loaded)).toEqual(plain(built));
    expect(adopted.alphabetical()).toEqual(built.alphabetical());
    const ids = (over: Parameters<typeof search>[0], query: string, filters: SearchFilters = {}) =>
      search(over, query, filters, NOW, { limit: 20 }).hits.map((h) => h.service_id);
    for (const query of ['epicerie', 'venisieux', 'atelier cuisine', 'colis', 'restos du coeur']) {
      expect(ids(again, query), query).toEqual(ids(built, query));
      expect(ids(again, query).length, query).toBeGreaterThan(0);
    }
  });

  test('before its snapshot is prepared, it answers every filter from the search entries alone as the snapshot does', () => {
    const demo = generateDirectory({ services: 400 });
    // Professionals' own criteria on a few services (the demo directory has none).
    const services = demo.services.map((s, i) => (i % 7 === 0 ? { ...s, criteres: ['accueil-bebe'] } : s));
    const snapshot = prepareDirectory(demo.structures, services);
    const entries = new SavedEntries(searchEntriesToRows(snapshot.entries));
    const early = loadSearchIndex(entries, serializeSearchIndex(buildSearchIndex(snapshot)));
    const cases: Array<[string, SearchFilters]> = [
      ['epicerie', {}],
      ['', {}],
      ['', { besoins: ['epicerie-solidaire'], commune: '69259' }],
      ['repas', { prix: 'gratuit', sans_orientation: true }],
      ['', { prix: 'solidaire', langue: 'ar', pmr: true }],
      ['', { fraicheur: 'a-verifier' }],
      ['', { ouvert: 'semaine' }],
      ['', { critere: 'accueil-bebe' }],
      ['', { aliment: 'fruits-legumes-frais' }],
      ['epicerie', { aliment: 'choix' }],
    ];
    for (const [query, filters] of cases) {
      for (const audience of ['public', 'professionnel'] as const) {
        for (const engine of [undefined, hours]) {
          const options = { audience, limit: 400, ...(engine ? { hours: engine } : {}) };
          const fromSnapshot = search(snapshot, query, filters, NOW, options);
          expect(fromSnapshot.total).toBeGreaterThan(0);
          expect(search(early, query, filters, NOW, options), JSON.stringify([query, filters])).toEqual(fromSnapshot);
        }
      }
    }
    const card = [...entries].find((e) => e.structureNom !== null) as SearchEntry;
    const full = snapshot.byId.get(card.id);
    expect(card).toEqual({
      id: full?.id,
      structureId: full?.structureId,
      nom: full?.service.nom,
      structureNom: full?.structure?.nom,
      communeCode: full?.communeCode,
      communeName: full?.communeName,
      address: full?.address,
      latitude: full?.latitude,
      longitude: full?.longitude,
      locationApprox: full?.locationApprox,
      category: full?.category,
      produits: full?.produits,
      choix: full?.choix,
      tarif: full?.tarif,
      affordable: full?.affordable,
      referral: full?.referral,
      directAccess: full?.directAccess,
      professionalOnly: full?.professionalOnly,
      published: full?.published,
      needsMask: full?.needsMask,
      langues: full?.langues,
      pmr: full?.pmr,
      verifiedAt: full?.verifiedAt,
      frequenceMois: full?.frequenceMois,
      criteres: full?.criteres,
      hours: full?.hours,
      temporary: full?.temporary,
      stopCommunes: full?.stopCommunes,
      stopHours: full?.stopHours,
    });
  });

  test('taken for other records than those it was made from, it is refused', () => {
    const demo = generateDirectory({ services: 50 });
    const snapshot = prepareDirectory(demo.structures, demo.services);
    const saved = serializeSearchIndex(buildSearchIndex(snapshot));
    const other = prepareDirectory(demo.structures, demo.services.slice(1));
    expect(() => adoptSearchIndex(other, loadSearchIndex(snapshot.entries, saved))).toThrow();
  });
});
