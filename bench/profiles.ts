// Realistic, varied profiles for the orientation benchmarks (and queries for search): the situations workers
// meet, across the Métropole, with one to three needs, so that each run evaluates a different share of the
// directory, as in real use.
import type { Profile } from '../src/domain/profile.ts';
import type { SearchFilters } from '../src/matching/search/search.ts';

export const PROFILES: readonly Profile[] = [
  {
    lieu: { code_insee: '69259', code_qpv: 'QNDEMO01' },
    foyer: { adultes: 2, ages_enfants: [1, 6, 9] },
    ressources: 'minima-sociaux',
    mobilite: { mode: 'transports' },
    besoins: ['aide-alimentaire', 'epicerie-solidaire'],
  },
  { age: 19, ressources: 'etudiant', lieu: { code_insee: '69387' }, besoins: ['epicerie-solidaire', 'repas'] },
  {
    situation_administrative: 'sans-titre',
    sans_domicile_fixe: true,
    urgence: 'aujourdhui',
    lieu: { position: { latitude: 45.7606, longitude: 4.8595 } },
    besoins: ['repas', 'aide-alimentaire'],
  },
  {
    age: 78,
    ressources: 'retraite',
    lieu: { code_insee: '69034' },
    mobilite: { mode: 'pied', distance_max_km: 1.5 },
    besoins: ['repas', 'lien-social'],
  },
  { langues: ['ar'], lieu: { code_insee: '69266' }, genre: 'femme', besoins: ['aide-alimentaire'] },
  { urgence: 'aujourdhui', lieu: { code_insee: '69388' }, peut_cuisiner: false, besoins: ['repas'] },
  {
    foyer: { adultes: 1, ages_enfants: [0] },
    genre: 'femme',
    lieu: { code_insee: '69256', code_qpv: 'QNDEMO02' },
    ressources: 'sans-ressources',
    regimes: ['halal', 'bebe'],
    besoins: ['bebe', 'aide-alimentaire'],
  },
  {
    lieu: { code_insee: '69091' },
    mobilite: { mode: 'voiture' },
    disponibilites: { jours: ['Sa'], creneaux: ['matin'] },
    besoins: ['fruits-legumes', 'budget'],
  },
  {
    age: 45,
    lieu: { code_insee: '69029' },
    ressources: 'bas-revenus',
    urgence: 'semaine',
    besoins: ['epicerie-solidaire'],
  },
  {
    lieu: { code_insee: '69383' },
    disponibilites: { jours: ['Th'], creneaux: ['apres-midi'] },
    besoins: ['cuisiner', 'lien-social'],
  },
  {
    age: 34,
    genre: 'homme',
    situation_familiale: 'isole',
    situation_administrative: 'demandeur-asile',
    langues: ['fa', 'en'],
    lieu: { code_insee: '69389', code_qpv: 'QNDEMO04' },
    mobilite: { mode: 'transports', distance_max_km: 8 },
    besoins: ['aide-alimentaire', 'repas', 'lien-social'],
  },
  { lieu: { code_insee: '69204' }, regimes: ['vegetarien'], besoins: ['jardiner', 'fruits-legumes'] },
];

export const QUERIES: readonly [string, SearchFilters][] = [
  ['epicerie solidaire venisieux', {}],
  ['restos du coeur', {}],
  ['colis alimentaire', { commune: '69123' }],
  ['atelier cuisine', {}],
  ['jardin partage', { ouvert: 'semaine' }],
  ['repas chaud', { prix: 'solidaire' }],
  ['aide alimentaire', { commune: '69259', sans_orientation: true }],
  ['epicerie etudiante', {}],
  ['panier legumes', {}],
  ['croix rouge', { ouvert: 'maintenant' }],
  ['secours populaire villeurbanne', {}],
  ['frigo solidaire', {}],
  ['ccas bron', {}],
  ['distribution', { langue: 'ar' }],
  ['bebe', { besoins: ['bebe'] }],
  ['epicrie', { pmr: true }],
];
