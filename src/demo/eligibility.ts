// Who a demo service takes, as structured rules the matcher evaluates. Each preset is a kind of public seen in
// the Métropole's food aid (épicerie sociale on referral, Restos' registration, a CCAS's residents, students,
// seniors, women, exiles, QPV residents…), with small random variations so no two listings are identical.
import { LYON } from '../domain/communes.ts';
import type { Eligibilite } from '../domain/service.ts';
import { neighbours, type Place } from './places.ts';
import { DEMO_QPV } from './qpv.ts';
import type { Rng } from './random.ts';

export type EligibilityKind =
  | 'inconditionnel'
  | 'adherents'
  | 'epicerie'
  | 'colis'
  | 'bebe'
  | 'ccas'
  | 'mdm'
  | 'jeunes'
  | 'etudiants'
  | 'seniors'
  | 'femmes'
  | 'exiles'
  | 'qpv'
  | 'familles';

type Justificatif = Eligibilite['justificatifs'][number];

function base(accueil: Eligibilite['accueil'], publics: string[]): Eligibilite {
  return {
    publics,
    accueil,
    sur_orientation: false,
    sur_rendez_vous: false,
    sur_inscription: false,
    justificatifs: [],
  };
}

/** The commune itself, sometimes with its neighbours, or all of Lyon for an arrondissement. */
function residence(rng: Rng, place: Place): { communes: string[]; qpv: string[] } {
  const own = place.commune.code_insee;
  if (place.commune.arrondissement && rng.chance(0.3)) return { communes: [LYON], qpv: [] };
  const extra = rng.chance(0.35) ? neighbours(place.commune, rng.int(1, 3)).map((c) => c.code_insee) : [];
  return { communes: [own, ...extra], qpv: [] };
}

const EPICERIE_TERMS = [
  'Accès pour 3 mois renouvelables selon le reste à vivre, avec un projet (épargne, dette, équipement)',
  'Reste à vivre inférieur à 10 € par jour et par personne ; accès de 6 mois maximum',
  'Commission d’attribution tous les 15 jours (quotient familial CAF jusqu’à 700 €), réponse au travailleur social',
] as const;

const RESSOURCES_MODESTES: Eligibilite['ressources'] = ['minima-sociaux', 'bas-revenus', 'sans-ressources'];

export function eligibility(kind: EligibilityKind, rng: Rng, place: Place): Eligibilite {
  switch (kind) {
    case 'inconditionnel': {
      const e = base('inconditionnel', ['tous-publics']);
      if (rng.chance(0.15))
        e.precisions = 'Sans condition, sans justificatif, dans l’anonymat si la personne le souhaite';
      return e;
    }
    case 'adherents': {
      const e = base('inconditionnel', ['tous-publics']);
      e.sur_inscription = true;
      e.justificatifs = ['carte-adherent'];
      e.precisions = 'Ouvert à toutes et à tous après adhésion à l’association';
      return e;
    }
    case 'epicerie': {
      const e = base('exclusif', ['beneficiaires-des-minimas-sociaux', 'familles', 'demandeurs-emploi']);
      e.sur_orientation = true;
      e.sur_rendez_vous = rng.chance(0.6);
      e.ressources = RESSOURCES_MODESTES;
      e.zone = residence(rng, place);
      e.justificatifs = withSome(
        rng,
        ['fiche-liaison', 'piece-identite', 'justificatif-ressources'],
        ['justificatif-domicile', 'attestation-caf', 'avis-imposition'],
      );
      e.precisions = rng.pick(EPICERIE_TERMS);
      // The ceiling the precision states, as a rule the matcher reads (no draw: the directory stays the same).
      if (e.precisions === EPICERIE_TERMS[1]) e.reste_a_vivre_max = 10;
      if (e.precisions === EPICERIE_TERMS[2]) e.quotient_familial_max = 700;
      return e;
    }
    case 'colis': {
      const e = base('preferentiel', ['tous-publics', 'personnes-en-situation-durgence']);
      e.sur_inscription = true;
      e.ressources = RESSOURCES_MODESTES;
      e.justificatifs = withSome(rng, ['piece-identite', 'justificatif-ressources'], ['justificatif-domicile']);
      if (rng.chance(0.5)) e.zone = residence(rng, place);
      e.precisions = 'Inscription selon un barème de ressources ; dépannage possible une fois sans inscription';
      return e;
    }
    case 'bebe': {
      const e = base('exclusif', ['familles']);
      e.sur_inscription = true;
      e.situations_familiales = ['famille', 'monoparentale', 'enceinte'];
      e.justificatifs = ['piece-identite', 'justificatif-ressources'];
      e.precisions = 'Pour les enfants de moins de 18 mois et les femmes enceintes à partir du 6e mois';
      return e;
    }
    case 'ccas': {
      const e = base('exclusif', ['tous-publics']);
      e.sur_rendez_vous = true;
      e.sur_orientation = rng.chance(0.4);
      e.ressources = RESSOURCES_MODESTES;
      e.zone = {
        communes: [place.commune.arrondissement && rng.chance(0.5) ? LYON : place.commune.code_insee],
        qpv: [],
      };
      e.justificatifs = ['piece-identite', 'justificatif-domicile', 'justificatif-ressources'];
      return e;
    }
    case 'mdm': {
      const e = base('preferentiel', [
        'familles',
        'beneficiaires-des-minimas-sociaux',
        'personnes-en-situation-durgence',
      ]);
      e.sur_rendez_vous = true;
      e.zone = residence(rng, place);
      e.justificatifs = ['piece-identite'];
      e.precisions = 'Suivi par un travailleur social de la Maison de la Métropole du secteur';
      return e;
    }
    case 'jeunes': {
      const e = base(rng.chance(0.6) ? 'exclusif' : 'preferentiel', ['jeunes']);
      e.age_min = rng.pick([16, 18]);
      e.age_max = 25;
      e.sur_inscription = rng.chance(0.5);
      return e;
    }
    case 'etudiants': {
      const e = base('exclusif', ['etudiants', 'jeunes']);
      e.age_min = 18;
      e.age_max = rng.pick([28, 30]);
      e.ressources = ['etudiant', 'sans-ressources', 'bas-revenus'];
      e.sur_inscription = true;
      e.justificatifs = ['piece-identite', 'justificatif-ressources'];
      e.precisions = 'Sur présentation de la carte étudiante de l’année en cours';
      return e;
    }
    case 'seniors': {
      const e = base(rng.chance(0.5) ? 'exclusif' : 'preferentiel', ['seniors']);
      e.age_min = rng.pick([60, 60, 65]);
      e.ressources = ['retraite', 'minima-sociaux', 'bas-revenus'];
      e.sur_inscription = true;
      return e;
    }
    case 'femmes': {
      const e = base('exclusif', ['femmes', 'personnes-en-situation-durgence']);
      e.genre = 'femmes';
      e.age_min = 18;
      if (rng.chance(0.5)) e.situations_familiales = ['isole', 'monoparentale', 'enceinte'];
      e.precisions = 'Accueil réservé aux femmes, seules ou avec enfants';
      return e;
    }
    case 'exiles': {
      const e = base('preferentiel', ['personnes-exilees', 'personnes-en-situation-juridique-specifique']);
      e.situations_administratives = ['demandeur-asile', 'refugie', 'sans-titre'];
      e.precisions = 'Aucun titre de séjour demandé';
      return e;
    }
    case 'qpv': {
      const e = base(rng.chance(0.5) ? 'exclusif' : 'preferentiel', ['residents-qpv-frr']);
      const local = place.qpv ? [place.qpv.code] : [];
      const others = rng.sample(DEMO_QPV, rng.int(1, 3)).map((q) => q.code);
      e.zone = { communes: [], qpv: [...new Set([...local, ...others])] };
      e.justificatifs = ['justificatif-domicile'];
      return e;
    }
    case 'familles': {
      const e = base('preferentiel', ['familles']);
      e.situations_familiales = ['famille', 'monoparentale'];
      e.sur_inscription = rng.chance(0.5);
      return e;
    }
  }
}

function withSome(rng: Rng, always: Justificatif[], sometimes: Justificatif[]): Justificatif[] {
  return [...always, ...sometimes.filter(() => rng.chance(0.4))];
}
