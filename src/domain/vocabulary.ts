// Every enumeration of Boussole and its French label, in one place. Schemas, the matcher, the UI and the
// importers read values from here; nothing else spells a label. Values are stable identifiers (stored, synced,
// exported): never rename one, add a new one and migrate instead.
//
// Where data·inclusion v1 has the concept, its values are used as they are (imported from the reference copy);
// food categories reuse Soliguide's identifiers, and Boussole's own additions are marked `extension: true`. The
// data·inclusion tables themselves are in vocabulary-data-inclusion.ts: the first screen, which reads roles and
// statuses from here, does not carry them.

/** Values of a label table, typed as a non-empty tuple for `z.enum`. */
export function valuesOf<T extends Readonly<Record<string, unknown>>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export interface FoodCategory {
  label: string;
  /** Boussole's own category, absent from Soliguide. */
  extension: boolean;
  /** Food the person has to cook (a colis) rather than a meal or an activity. */
  needsCooking: boolean;
}

/** Food categories: Soliguide's identifiers, plus local ones marked as extensions. */
export const FOOD_CATEGORIES = {
  food_distribution: { label: 'Distribution de repas', extension: false, needsCooking: false },
  food_packages: { label: 'Colis alimentaire', extension: false, needsCooking: true },
  social_grocery_stores: { label: 'Épicerie sociale et solidaire', extension: false, needsCooking: true },
  solidarity_fridge: { label: 'Frigo solidaire', extension: false, needsCooking: false },
  shared_kitchen: { label: 'Cuisine partagée', extension: false, needsCooking: false },
  cooking_workshop: { label: 'Atelier cuisine', extension: false, needsCooking: false },
  baby_parcel: { label: 'Colis bébé', extension: false, needsCooking: false },
  food_voucher: { label: 'Bon ou chèque alimentaire', extension: false, needsCooking: true },
  community_garden: { label: 'Jardin partagé ou solidaire', extension: false, needsCooking: false },
  fountain: { label: 'Eau potable', extension: false, needsCooking: false },
  buying_group: { label: "Groupement d'achat", extension: true, needsCooking: true },
  solidarity_basket: { label: 'Panier solidaire (fruits et légumes)', extension: true, needsCooking: true },
  solidarity_restaurant: { label: 'Restaurant solidaire', extension: true, needsCooking: false },
  shared_meal: { label: 'Repas partagé', extension: true, needsCooking: false },
  nutrition_awareness: { label: 'Sensibilisation à l’alimentation', extension: true, needsCooking: false },
} as const satisfies Record<string, FoodCategory>;
export type FoodCategoryValue = keyof typeof FOOD_CATEGORIES;
export const FOOD_CATEGORY_VALUES = valuesOf(FOOD_CATEGORIES);

/** How a service receives its public (Soliguide's WelcomedPublics). */
export const ACCUEIL = {
  inconditionnel: 'Accueil inconditionnel',
  preferentiel: 'Accueil préférentiel',
  exclusif: 'Accueil exclusif',
} as const;

export const TARIFS = {
  gratuit: 'Gratuit',
  solidaire: 'Prix solidaire',
  payant: 'Payant',
} as const;

export const SITUATIONS_FAMILIALES = {
  isole: 'Personne isolée',
  couple: 'En couple sans enfant',
  famille: 'Famille avec enfants',
  monoparentale: 'Famille monoparentale',
  enceinte: 'Femme enceinte',
} as const;

export const SITUATIONS_ADMINISTRATIVES = {
  'en-regle': 'Titre de séjour ou nationalité française',
  'demandeur-asile': "Demandeur ou demandeuse d'asile",
  refugie: 'Réfugié·e ou protection subsidiaire',
  'sans-titre': 'Sans titre de séjour',
} as const;

export const RESSOURCES = {
  'minima-sociaux': 'Minima sociaux (RSA, ASS, AAH…)',
  'bas-revenus': 'Revenus modestes',
  'sans-ressources': 'Sans ressources',
  etudiant: 'Étudiant·e boursier·e ou précaire',
  retraite: 'Petite retraite',
} as const;

/** What the person does (the 2019 prototype asked « avec / sans emploi »); decides the publics actifs,
 * demandeurs d'emploi, étudiants and seniors of data·inclusion. */
export const SITUATIONS_EMPLOI = {
  'en-emploi': 'En emploi (salarié·e, intérim, à son compte)',
  'demandeur-emploi': "Demandeur ou demandeuse d'emploi",
  etudes: 'En études ou en formation',
  retraite: 'À la retraite',
  'sans-activite': 'Sans activité professionnelle',
} as const;

/** A disability's recognitions, as workers see them in a file (the 2019 prototype asked « avec / sans handicap »). */
export const RECONNAISSANCES_HANDICAP = {
  rqth: 'RQTH (travailleur ou travailleuse handicapé·e)',
  aah: 'AAH (allocation aux adultes handicapés)',
  cmi: 'Carte mobilité inclusion',
  invalidite: "Pension d'invalidité",
} as const;

export const GENRES = {
  femme: 'Femme',
  homme: 'Homme',
  autre: 'Autre ou non précisé',
} as const;

/** A service reserved to one gender. */
export const GENRES_ACCUEILLIS = {
  femmes: 'Femmes uniquement',
  hommes: 'Hommes uniquement',
} as const;

export const JUSTIFICATIFS = {
  'piece-identite': "Pièce d'identité ou titre de séjour",
  'justificatif-domicile': 'Justificatif de domicile ou attestation d’hébergement',
  'attestation-caf': 'Attestation CAF ou quotient familial',
  'avis-imposition': "Avis d'imposition",
  'justificatif-ressources': 'Justificatifs de ressources des 3 derniers mois',
  'fiche-liaison': 'Fiche de liaison d’un ou d’une travailleuse sociale',
  'carte-adherent': "Carte d'adhérent",
} as const;

export const CANAUX_LIAISON = {
  application: 'Dans Boussole',
  courriel: 'Par courriel',
  telephone: 'Par téléphone',
  'sur-place': 'Sur place, remise par la personne',
} as const;

export const TYPES_CHAMP = {
  texte: 'Texte',
  date: 'Date',
  nombre: 'Nombre',
  choix: 'Choix dans une liste',
  'oui-non': 'Oui / non',
} as const;

export const SATURATION = {
  disponible: 'Places disponibles',
  limite: 'Places limitées',
  complet: 'Complet (liste d’attente)',
} as const;

export const INFOS_TEMPORAIRES = {
  fermeture: 'Fermeture temporaire',
  'horaires-exceptionnels': 'Horaires exceptionnels',
  message: 'Information',
} as const;

export const VISIBILITES = {
  public: 'Visible par tous',
  professionnels: 'Réservé aux professionnels',
} as const;

export const STATUTS_STRUCTURE = {
  publiee: 'Publiée',
  proposee: 'Proposée, en attente de validation',
} as const;

export const REGIMES = {
  halal: 'Halal',
  'sans-porc': 'Sans porc',
  vegetarien: 'Végétarien',
  casher: 'Casher',
  'sans-gluten': 'Sans gluten',
  'sans-sel': 'Sans sel',
  bebe: 'Alimentation bébé',
} as const;

export const MOBILITES = {
  pied: 'À pied',
  transports: 'En transports en commun',
  voiture: 'En voiture',
} as const;

export const URGENCES = {
  aujourdhui: "Aujourd'hui",
  semaine: 'Cette semaine',
  'pas-presse': 'Pas pressé',
} as const;

export const JOURS = {
  Mo: 'lundi',
  Tu: 'mardi',
  We: 'mercredi',
  Th: 'jeudi',
  Fr: 'vendredi',
  Sa: 'samedi',
  Su: 'dimanche',
} as const;

export const CRENEAUX = {
  matin: 'Le matin',
  'apres-midi': "L'après-midi",
  soir: 'Le soir',
} as const;

export const STATUTS_CONFLIT = {
  ouvert: 'À résoudre',
  resolu: 'Résolu',
} as const;

/** Why the server refused a change; the UI shows the label and the server's message. */
export const MOTIFS_REJET = {
  interdit: 'Modification non autorisée pour ce compte',
  invalide: 'Données invalides',
  introuvable: 'Fiche introuvable (supprimée ?)',
  'deja-existant': 'Cette fiche existe déjà',
  'mutation-inconnue': 'Type de modification inconnu de ce serveur',
  'identifiant-reutilise': 'Numéro de modification déjà utilisé pour un autre contenu',
  'conflit-introuvable': 'Conflit introuvable ou déjà résolu',
  /** Decided by the device, never by the server: a change too large for any push (src/db/outbox-repo.ts). */
  'trop-volumineux': 'Modification trop volumineuse pour être envoyée',
} as const;

export const FREQUENCES_MAJ_MOIS = [1, 3, 6, 12] as const;

/** What a price is paid for; the words are in price-words.ts (read by lazy chunks only). */
export const UNITES_PRIX = ['panier', 'repas', 'colis', 'seance', 'passage', 'kilo', 'semaine', 'mois'] as const;
/** How often a membership (adhésion) is paid. */
export const PERIODES_ADHESION = ['mois', 'an', 'unique'] as const;

/** Languages the directory records (ISO 639-1), those most spoken in the Métropole's social services. */
export const LANGUES = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  es: 'espagnol',
  it: 'italien',
  pt: 'portugais',
  tr: 'turc',
  ru: 'russe',
  ro: 'roumain',
  sq: 'albanais',
  hy: 'arménien',
  ka: 'géorgien',
  fa: 'persan (dari, farsi)',
  ps: 'pachto',
  ti: 'tigrigna',
  so: 'somali',
  wo: 'wolof',
  zh: 'chinois',
  uk: 'ukrainien',
  bm: 'bambara',
  lsf: 'langue des signes française',
} as const;

export interface Need {
  label: string;
  /** Food categories that answer this need. */
  categories: readonly FoodCategoryValue[];
  /** data·inclusion thematiques that answer it, for services without a food category. */
  thematiques: readonly string[];
}

/** What a person may need: the needs step of an orientation, mapped to what services declare. */
export const BESOINS = {
  'aide-alimentaire': {
    label: 'Aide alimentaire (colis, distribution)',
    categories: ['food_packages', 'food_distribution', 'food_voucher', 'solidarity_fridge'],
    thematiques: ['equipement-et-alimentation--alimentation'],
  },
  'epicerie-solidaire': {
    label: 'Faire ses courses à prix solidaire',
    categories: ['social_grocery_stores', 'buying_group', 'solidarity_basket'],
    thematiques: [],
  },
  repas: {
    label: 'Prendre un repas',
    categories: ['food_distribution', 'solidarity_restaurant', 'shared_meal'],
    thematiques: [],
  },
  'fruits-legumes': {
    label: 'Fruits et légumes frais',
    categories: ['solidarity_basket', 'buying_group', 'community_garden', 'social_grocery_stores'],
    thematiques: [],
  },
  cuisiner: {
    label: 'Cuisiner, apprendre à cuisiner',
    categories: ['cooking_workshop', 'shared_kitchen'],
    thematiques: [],
  },
  bebe: {
    label: 'Alimentation des tout-petits',
    categories: ['baby_parcel'],
    thematiques: [],
  },
  budget: {
    label: 'Gérer son budget alimentaire',
    categories: ['nutrition_awareness', 'buying_group'],
    thematiques: [
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
      'difficultes-financieres--acquerir-une-autonomie-budgetaire',
    ],
  },
  'lien-social': {
    label: 'Rompre l’isolement autour d’un repas ou d’une activité',
    categories: ['shared_meal', 'community_garden', 'cooking_workshop', 'solidarity_restaurant'],
    thematiques: ['remobilisation--lien-social'],
  },
  jardiner: {
    label: 'Jardiner',
    categories: ['community_garden'],
    thematiques: [],
  },
  eau: {
    label: "Trouver de l'eau potable",
    categories: ['fountain'],
    thematiques: [],
  },
} as const satisfies Record<string, Need>;
export type NeedValue = keyof typeof BESOINS;

// Referrals (fiche de liaison). `envoyee` is set by the server when it accepts a referral; before that a
// referral exists only on the device ("en attente d'envoi", a device state, not a status).
export const STATUTS_ORIENTATION = {
  envoyee: 'Envoyée',
  recue: 'Reçue par le partenaire',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
  annulee: 'Annulée',
  expiree: 'Expirée sans réponse',
} as const;

export const MOTIFS_REFUS_ORIENTATION = {
  'hors-criteres': 'Hors critères',
  complet: 'Complet',
  injoignable: 'Personne injoignable',
  'non-venue': 'Personne non venue',
  autre: 'Autre motif (voir la note)',
} as const;

export const CONSENTEMENT_PAR = {
  personne: 'La personne elle-même',
  representant: 'Son représentant légal',
} as const;

// Programme of actions: what an action is, how people register. Values are stored and synced.
export const TYPES_ACTION = {
  'atelier-cuisine': 'Atelier cuisine',
  sensibilisation: 'Sensibilisation',
  distribution: 'Distribution',
  'repas-partage': 'Repas partagé',
  marche: 'Marché',
  visite: 'Visite',
  jardinage: 'Jardinage',
  autre: 'Autre action',
} as const;

export const MODES_INSCRIPTION = {
  telephone: 'Par téléphone',
  courriel: 'Par courriel',
  'sur-place': 'Sur place',
  'en-ligne': 'En ligne',
  orientation: 'Sur orientation d’un·e professionnel·le',
} as const;

/** How an action recurs: the choices of the form, each written as an RFC 5545 RRULE (src/domain/action.ts). */
export const FREQUENCES_ACTION = {
  ponctuelle: 'Une seule fois',
  hebdomadaire: 'Chaque semaine',
  'toutes-les-2-semaines': 'Toutes les deux semaines',
  mensuelle: 'Chaque mois, un jour donné de la semaine (ex. 2e mardi)',
  quotidienne: 'Chaque jour',
} as const;
