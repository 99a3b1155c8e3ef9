// Services that move in the demo directory: a maraude in the centre of Lyon in the evening, an épicerie mobile in
// the eastern and northern communes with QPV, a bus solidaire in the south and the edges of the Métropole. Three
// services of the generated directory become them (chosen with the directory's seed among services of the right
// category, so the counts and ids stay those of the generator): they keep their structure, contacts and
// conditions, and take a round of real places with their own hours. Positions are the places' (public squares,
// car parks, station forecourts); the rest is fictional as everywhere in the demo.
import { communeByCode } from '../domain/communes.ts';
import type { Arret, Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import type { FoodCategoryValue } from '../domain/vocabulary.ts';
import { Rng } from './random.ts';

interface Round {
  categorie: FoodCategoryValue;
  nom: string;
  description: string;
  /** What the round changes in the generated service beside its name and stops. */
  patch?: Partial<Service>;
  stops: ReadonlyArray<readonly [id: string, nom: string, code_insee: string, lat: number, lon: number, hours: string]>;
}

const ROUNDS: readonly Round[] = [
  {
    categorie: 'food_distribution',
    nom: 'Maraude du soir : repas chauds et boissons',
    description:
      'Une équipe de bénévoles passe chaque soir de la semaine avec des repas chauds, des boissons et des kits ' +
      'd’hygiène. Sans condition, sans inscription : venez à l’un des arrêts.',
    patch: {
      tarif: { type: 'gratuit' },
      eligibilite: {
        publics: ['tous-publics'],
        accueil: 'inconditionnel',
        sur_orientation: false,
        sur_rendez_vous: false,
        sur_inscription: false,
        justificatifs: [],
      },
      fiche_liaison: { requise: false, canaux: ['sur-place'], champs: [] },
    },
    stops: [
      ['guichard', 'Place Guichard', '69383', 45.7597, 4.8475, 'Mo,We 18:30-19:45'],
      ['gabriel-peri', 'Place Gabriel Péri, Guillotière', '69387', 45.753, 4.844, 'Mo,We 20:00-21:15'],
      ['part-dieu', 'Parvis de la gare Part-Dieu, côté Villette', '69383', 45.7606, 4.8615, 'Tu,Th 18:30-19:45'],
      ['bellecour', 'Place Bellecour, côté Saint-Exupéry', '69382', 45.7578, 4.832, 'Tu,Th 20:00-21:15'],
      ['grandclement', 'Place Grandclément', '69266', 45.7586, 4.8909, 'Fr 18:30-20:00'],
      ['valmy', 'Place de Paris, Vaise', '69389', 45.7745, 4.8055, 'Sa 18:30-20:00'],
    ],
  },
  {
    categorie: 'social_grocery_stores',
    nom: 'Épicerie mobile : le camion solidaire',
    description:
      'Le camion de l’épicerie solidaire s’installe une demi-journée par semaine dans chaque quartier : fruits et ' +
      'légumes, produits secs et d’hygiène à petit prix, pour les personnes orientées par un travailleur social.',
    stops: [
      ['mas-du-taureau', 'Parvis du Mas du Taureau', '69256', 45.78, 4.929, 'Tu 09:30-12:00'],
      ['minguettes', 'Place du marché des Minguettes', '69259', 45.7115, 4.8775, 'We 14:00-17:00'],
      ['rillieux', 'Parking de la Ville nouvelle', '69286', 45.8185, 4.8985, 'Th 09:30-12:00'],
      ['saint-fons', 'Place Roger Salengro', '69199', 45.7085, 4.8535, 'Fr 14:00-17:00'],
      ['parilly', 'Parking du centre social de Parilly', '69029', 45.7265, 4.9015, 'Sa 09:30-12:00'],
    ],
  },
  {
    categorie: 'food_packages',
    nom: 'Bus solidaire : colis et accueil itinérant',
    description:
      'Le bus solidaire va là où il n’y a pas de distribution : colis alimentaires, écoute et orientation vers les ' +
      'services du secteur. Une fois par semaine à chaque arrêt, le 1er samedi du mois à Neuville.',
    stops: [
      ['givors', 'Place de la Liberté', '69091', 45.5905, 4.7685, 'Mo 10:00-12:30'],
      ['oullins', 'Parking de la gare d’Oullins', '69149', 45.7165, 4.8085, 'Tu 14:00-16:30'],
      ['meyzieu', 'Place Jean Monnet', '69282', 45.767, 5.003, 'We 14:00-16:30'],
      ['saint-priest', 'Parking du marché de Bel Air', '69290', 45.6965, 4.944, 'Th 10:00-12:30'],
      ['neuville', 'Quai Pasteur', '69143', 45.876, 4.8415, 'Sa[1] 09:30-12:00'],
    ],
  },
];

function stopOf([id, nom, code_insee, latitude, longitude, horaires]: Round['stops'][number]): Arret {
  const commune = communeByCode(code_insee);
  if (!commune) throw new Error(`Commune inconnue ${code_insee}`);
  return {
    id,
    nom,
    code_postal: commune.codes_postaux[0] as string,
    commune: commune.nom,
    code_insee,
    latitude,
    longitude,
    horaires,
  };
}

/** Turns one service of each round's category into that round, in place; a small directory may have fewer. */
export function withMovingServices<D extends { structures: Structure[]; services: Service[] }>(
  directory: D,
  seed: number,
): D {
  const rng = new Rng(seed ^ 0x6d6f7665);
  const shown = new Set(
    directory.structures.filter((s) => s.statut === 'publiee' && s.visibilite === 'public').map((s) => s.id),
  );
  const taken = new Set<string>();
  for (const round of ROUNDS) {
    const candidates = directory.services
      .map((s, i) => [s, i] as const)
      .filter(
        ([s]) =>
          s.categorie === round.categorie &&
          s.visibilite === 'public' &&
          shown.has(s.structure_id) &&
          !taken.has(s.structure_id),
      );
    if (candidates.length === 0) continue;
    const [service, index] = rng.pick(candidates);
    taken.add(service.structure_id);
    const { lieu: _lieu, horaires_accueil: _hours, ...rest } = service;
    directory.services[index] = {
      ...rest,
      ...round.patch,
      nom: round.nom,
      description: round.description,
      modes_accueil: ['en-presentiel'],
      arrets: round.stops.map(stopOf),
    };
  }
  return directory;
}
