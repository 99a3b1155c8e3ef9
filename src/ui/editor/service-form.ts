// The service form's values (strings and booleans, as the inputs hold them) and where each one lands in the record:
// messages are keyed by the record's schema path (`tarif.precisions`, `infos_temporaires[0].fin`), so a problem
// found by the domain schema shows next to the input that caused it.
import type { ChoixProduits, ModeRemise, ProduitAlimentaire } from '../../domain/food-offer.ts';
import type { ChampLiaison, InfoTemporaire, Service } from '../../domain/service.ts';
import type { CANAUX_LIAISON, JUSTIFICATIFS, SATURATION } from '../../domain/vocabulary.ts';
import { PRICE_PATHS, type PriceForm, priceFormOf } from './price-form.ts';

export interface InfoDraft {
  id: string;
  type: InfoTemporaire['type'];
  debut: string;
  fin: string;
  message: string;
}

/** A field of the partner's fiche de liaison as the editor holds it: choices as one text, one per line. */
export interface ChampDraft {
  id: string;
  libelle: string;
  type: ChampLiaison['type'];
  requis: boolean;
  options: string;
}

export interface ServiceForm extends PriceForm {
  ownHours: boolean;
  horaires_note: string;
  infos: InfoDraft[];
  capacite_etat: '' | keyof typeof SATURATION;
  capacite_note: string;
  sur_orientation: boolean;
  sur_rendez_vous: boolean;
  sur_inscription: boolean;
  justificatifs: Array<keyof typeof JUSTIFICATIFS>;
  /** Épiceries' ceilings, in euros as typed; empty: none. */
  reste_a_vivre_max: string;
  quotient_familial_max: string;
  eligibilite_precisions: string;
  fiche_requise: boolean;
  fiche_canaux: Array<keyof typeof CANAUX_LIAISON>;
  fiche_contact_nom: string;
  fiche_courriel: string;
  fiche_telephone: string;
  fiche_modele_url: string;
  fiche_champs: ChampDraft[];
  /** Months between verifications: 1, 3, 6 or 12. */
  frequence_maj_mois: string;
  /** What the food is like (src/domain/food-offer.ts) and the diets it caters for, baby food among them. */
  produits: ProduitAlimentaire[];
  choix: '' | ChoixProduits;
  modes_remise: ModeRemise[];
  regimes: Service['regimes'];
}

/** The schema path of each form value (infos excepted: `infos_temporaires[i].<field>`). */
export const PATHS = {
  ownHours: 'horaires_accueil',
  horaires_note: 'horaires_note',
  capacite_etat: 'capacite.etat',
  capacite_note: 'capacite.note',
  ...PRICE_PATHS,
  sur_orientation: 'eligibilite.sur_orientation',
  sur_rendez_vous: 'eligibilite.sur_rendez_vous',
  sur_inscription: 'eligibilite.sur_inscription',
  justificatifs: 'eligibilite.justificatifs',
  reste_a_vivre_max: 'eligibilite.reste_a_vivre_max',
  quotient_familial_max: 'eligibilite.quotient_familial_max',
  eligibilite_precisions: 'eligibilite.precisions',
  fiche_requise: 'fiche_liaison.requise',
  fiche_canaux: 'fiche_liaison.canaux',
  fiche_contact_nom: 'fiche_liaison.contact_nom',
  fiche_courriel: 'fiche_liaison.courriel',
  fiche_telephone: 'fiche_liaison.telephone',
  fiche_modele_url: 'fiche_liaison.modele_url',
  fiche_champs: 'fiche_liaison.champs',
  frequence_maj_mois: 'frequence_maj_mois',
  produits: 'offre_alimentaire.produits',
  choix: 'offre_alimentaire.choix',
  modes_remise: 'offre_alimentaire.modes',
  regimes: 'regimes',
} as const satisfies Partial<Record<keyof ServiceForm, string>>;

const KNOWN: ReadonlySet<string> = new Set(Object.values(PATHS));
const INFO_FIELD =
  /^infos_temporaires\[\d+\]\.(debut|fin|horaires|message|type)$|^fiche_liaison\.champs\[\d+\]\.(libelle|options)$|^arrets\[\d+\]\.(nom|adresse|code_insee|horaires|precisions)$/;

/**
 * The field a schema problem belongs to: its own path when the form has it, else its closest parent the form has
 * (`fiche_liaison.canaux[2]` → `fiche_liaison.canaux`), else `form` (a message for the whole form).
 */
export function knownPath(path: string): string {
  let p = path;
  while (p) {
    if (KNOWN.has(p) || INFO_FIELD.test(p)) return p;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return 'form';
}

export function formOf(service: Service): ServiceForm {
  const { tarif, eligibilite: e, fiche_liaison: f } = service;
  return {
    ownHours: service.horaires_accueil !== undefined,
    frequence_maj_mois: String(service.frequence_maj_mois),
    horaires_note: service.horaires_note ?? '',
    infos: service.infos_temporaires.map((i) => ({
      id: i.id,
      type: i.type,
      debut: i.debut,
      fin: i.fin ?? '',
      message: i.message ?? '',
    })),
    capacite_etat: service.capacite?.etat ?? '',
    capacite_note: service.capacite?.note ?? '',
    ...priceFormOf(tarif),
    sur_orientation: e.sur_orientation,
    sur_rendez_vous: e.sur_rendez_vous,
    sur_inscription: e.sur_inscription,
    justificatifs: [...e.justificatifs],
    reste_a_vivre_max: e.reste_a_vivre_max === undefined ? '' : String(e.reste_a_vivre_max).replace('.', ','),
    quotient_familial_max:
      e.quotient_familial_max === undefined ? '' : String(e.quotient_familial_max).replace('.', ','),
    eligibilite_precisions: e.precisions ?? '',
    fiche_requise: f.requise,
    fiche_canaux: [...f.canaux],
    fiche_contact_nom: f.contact_nom ?? '',
    fiche_courriel: f.courriel ?? '',
    fiche_telephone: f.telephone ?? '',
    fiche_modele_url: f.modele_url ?? '',
    fiche_champs: f.champs.map((c) => ({ ...c, options: (c.options ?? []).join('\n') })),
    produits: [...(service.offre_alimentaire?.produits ?? [])],
    choix: service.offre_alimentaire?.choix ?? '',
    modes_remise: [...(service.offre_alimentaire?.modes ?? [])],
    regimes: [...service.regimes],
  };
}
