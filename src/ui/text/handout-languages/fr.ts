// The person's handout in French: the reference every other language file is typed against (HandoutWords), so
// that a missing or extra key is a compile error. Fixed texts only: what partners wrote (descriptions, notes,
// conditions) is printed as written, in the French block. Easy-to-read style: short sentences, everyday words.
// The French labels of categories and documents are the vocabulary's own, and a price is said as everywhere else
// in the app, by src/domain/price-words.ts (one name per concept): each language file gives its `PriceWords`.
import { PRICE_WORDS_FR } from '../../../domain/price-words.ts';
import { FOOD_CATEGORIES, type FoodCategoryValue, JUSTIFICATIFS } from '../../../domain/vocabulary.ts';

/** Monday first, as the hours engine counts weekdays. */
export type Week = readonly [string, string, string, string, string, string, string];
export type Months = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
/** Documents the sheet may ask the person to bring (the fiche de liaison is said under « Comment y être accueilli·e »). */
export type HandoutDocument = Exclude<keyof typeof JUSTIFICATIFS, 'fiche-liaison'>;
/** A date in parts, for a language the browser's Intl does not know (Chromium has no Tigrinya). */
export interface DateParts {
  weekday?: string;
  day: number;
  month: string;
  year?: number;
}

export const fr = {
  title: 'Vos adresses pour l’alimentation',
  forPerson: (name: string) => `Pour ${name}`,
  madeOn: (date: string) => `Fiche préparée le ${date}.`,
  callFirst: 'Appelez avant de vous déplacer si vous avez un doute.',
  category: Object.fromEntries(Object.entries(FOOD_CATEGORIES).map(([k, v]) => [k, v.label])) as Record<
    FoodCategoryValue,
    string
  >,
  hours: 'Horaires',
  receptionHours: 'Horaires de l’accueil',
  nextOpenings: 'Prochaines ouvertures',
  everyWeek: 'Chaque semaine',
  noHours: 'Horaires non renseignés : appelez avant de venir.',
  closed: (from: string, to: string | null) =>
    to ? `Fermeture exceptionnelle du ${from} au ${to}.` : `Fermé à partir du ${from}, jusqu’à nouvel ordre.`,
  exceptional: (from: string, to: string | null) =>
    to ? `Horaires exceptionnels du ${from} au ${to}.` : `Horaires exceptionnels à partir du ${from}.`,
  /** « 14 h – 17 h »; right-to-left languages say it in words, which no bidi reordering can turn around. */
  slot: (from: string, to: string) => `${from}\u00a0– ${to}`,
  opening: (date: string, slots: string) => `${date}, ${slots}`,
  oneDay: (day: string) => `le ${day}`,
  dayRange: (from: string, to: string) => `du ${from} au ${to}`,
  someDays: (day: string) => `certains ${day}s`,
  weekly: (days: string, slots: string) => `${days} : ${slots}`,
  listSeparator: ', ',
  howToGo: 'Comment y aller',
  distance: (d: string, approximate: boolean) =>
    `À ${approximate ? 'environ ' : ''}${d} à vol d’oiseau de votre lieu de vie.`,
  stepFree: 'Accès de plain-pied (fauteuil roulant).',
  toBring: 'À apporter',
  documents: {
    'piece-identite': JUSTIFICATIFS['piece-identite'],
    'justificatif-domicile': JUSTIFICATIFS['justificatif-domicile'],
    'attestation-caf': JUSTIFICATIFS['attestation-caf'],
    'avis-imposition': JUSTIFICATIFS['avis-imposition'],
    'justificatif-ressources': JUSTIFICATIFS['justificatif-ressources'],
    'carte-adherent': JUSTIFICATIFS['carte-adherent'],
  } as Record<HandoutDocument, string>,
  nothingToBring: 'Aucun justificatif demandé.',
  welcome: 'Comment y être accueilli·e',
  ficheSent: 'Une fiche de liaison est nécessaire : votre travailleur·se social·e l’envoie.',
  ficheBrought: 'Une fiche de liaison est nécessaire : apportez-la, remplie par votre travailleur·se social·e.',
  ficheEither: 'Une fiche de liaison est nécessaire : votre travailleur·se social·e l’envoie, ou vous l’apportez.',
  referralOnly: 'Sur orientation d’un ou d’une travailleuse sociale.',
  appointment: 'Sur rendez-vous : appelez avant de venir.',
  registration: 'Sur inscription.',
  direct: 'Vous pouvez y aller directement, sans orientation.',
  price: 'Prix',
  priceWords: PRICE_WORDS_FR,
  qrCaption: 'Scannez pour garder l’adresse et le téléphone dans vos contacts.',
  seeFrench: 'D’autres informations du partenaire, en français.',
  days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as Week,
  months: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    [weekday, day, month, year].filter((p) => p !== undefined).join(' '),
};

export type HandoutWords = typeof fr;
