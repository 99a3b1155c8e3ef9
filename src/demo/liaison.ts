// How a partner wants to receive people: no referral, an optional one, or a required fiche de liaison with the
// partner's own fields and the channels it accepts (in Boussole, by e-mail, by phone, handed over by the person).
import type { ChampLiaison, FicheLiaison } from '../domain/service.ts';
import { fictionalEmail, fictionalPhone } from './places.ts';
import type { Rng } from './random.ts';
import { CONTACT_ROLES } from './words.ts';

export type LiaisonKind = 'aucune' | 'facultative' | 'requise';

/** Fields partners add to Boussole's default form; a required fiche takes a few of them. */
const CHAMPS: readonly ChampLiaison[] = [
  {
    id: 'composition_foyer',
    libelle: 'Composition du foyer (adultes, enfants et leurs âges)',
    type: 'texte',
    requis: true,
  },
  { id: 'reste_a_vivre', libelle: 'Reste à vivre (€ par jour et par personne)', type: 'nombre', requis: true },
  { id: 'ressources_mensuelles', libelle: 'Ressources mensuelles du foyer (€)', type: 'nombre', requis: false },
  { id: 'fin_droits', libelle: 'Date de fin des droits en cours', type: 'date', requis: false },
  { id: 'date_debut', libelle: 'Date de début souhaitée', type: 'date', requis: false },
  {
    id: 'duree_acces',
    libelle: 'Durée d’accès demandée',
    type: 'choix',
    requis: true,
    options: ['1 mois', '3 mois', '6 mois'],
  },
  {
    id: 'motif',
    libelle: 'Motif principal de la demande',
    type: 'choix',
    requis: true,
    options: ['Baisse de ressources', 'Dettes ou impayés', 'Séparation', 'Arrivée récente', 'Autre'],
  },
  {
    id: 'projet',
    libelle: 'Projet de la personne (ce que l’aide doit permettre)',
    type: 'texte',
    requis: true,
  },
  { id: 'accompagnement_budget', libelle: 'Accompagnement budgétaire en cours', type: 'oui-non', requis: false },
  { id: 'urgence', libelle: 'Situation d’urgence (sans rien à manger ce jour)', type: 'oui-non', requis: true },
  { id: 'regime', libelle: 'Régime alimentaire ou allergies', type: 'texte', requis: false },
];

function pickChamps(rng: Rng): ChampLiaison[] {
  // Choices are copied so that no two services share (and could mutate) one options array.
  return rng.sample(CHAMPS, rng.int(2, 5)).map((c) => (c.options ? { ...c, options: [...c.options] } : { ...c }));
}

const CANAUX_REQUIS: readonly FicheLiaison['canaux'][] = [
  ['application', 'courriel'],
  ['application', 'courriel', 'telephone'],
  ['courriel'],
  ['application'],
  ['courriel', 'sur-place'],
  ['telephone', 'sur-place'],
  ['sur-place'],
];

/** `nameSlug`: the structure's name as a slug, for its fictional e-mail address and form URL. */
export function ficheLiaison(kind: LiaisonKind, rng: Rng, nameSlug: string): FicheLiaison {
  if (kind === 'aucune') return { requise: false, canaux: ['sur-place'], champs: [] };
  const canaux = kind === 'facultative' ? rng.pick(CANAUX_REQUIS.slice(0, 4)) : rng.pick(CANAUX_REQUIS);
  const fiche: FicheLiaison = {
    requise: kind === 'requise',
    canaux: [...canaux],
    champs: kind === 'requise' ? pickChamps(rng) : [],
  };
  if (rng.chance(0.6)) fiche.contact_nom = rng.pick(CONTACT_ROLES);
  if (canaux.includes('courriel') || rng.chance(0.2)) fiche.courriel = fictionalEmail('orientation', nameSlug);
  if (canaux.includes('telephone') || rng.chance(0.2)) fiche.telephone = fictionalPhone(rng);
  if (kind === 'requise' && rng.chance(0.3)) fiche.modele_url = `https://example.org/fiches/${nameSlug}.pdf`;
  return fiche;
}
