// French strings of what coordinators see of the demand: « demandes sans réponse » on Couverture and the pilot's
// evaluation (/evaluation). Loaded with those screens' chunks, never on the first load.
import type { SUPPRESSED } from '../../domain/evaluation.ts';
import { monthYear } from './fr-format.ts';

type Count = number | typeof SUPPRESSED;
const count = (n: Count) => (typeof n === 'number' ? n.toLocaleString('fr-FR') : '< 5');

export const frDemand = {
  /** `2026-11` → « novembre 2026 ». */
  month: monthYear,
  count,

  demandTitle: 'Demandes sans réponse',
  demandIntro:
    'Orientations terminées sans aucun service éligible, par commune et par besoin. Chiffres anonymes envoyés par les appareils des professionnels à la fin de chaque orientation : ni nom, ni âge, ni adresse. Tout nombre inférieur à 5 est écrit « < 5 », pour que personne ne puisse être reconnu.',
  demandOffline:
    'Hors ligne : les demandes sans réponse s’afficheront au retour du réseau (elles sont sur le serveur).',
  demandLoading: 'Chargement des demandes sans réponse…',
  demandError: (message: string) => `Demandes sans réponse indisponibles : ${message}`,
  demandNone: (need: string) => `Aucune orientation enregistrée pour « ${need} » ce mois-ci.`,
  period: 'Mois',
  demandCaption: (need: string, month: string) => `Demandes sans réponse pour « ${need} », ${month}`,
  columns: {
    territory: 'Commune ou arrondissement',
    orientations: 'Orientations',
    sansReponse: 'Demandes sans réponse',
  },
  /** « 12 demandes sans réponse sur 40 orientations ». */
  detail: (none: Count, all: Count) => `Demandes sans réponse : ${count(none)} sur ${count(all)} orientations`,
  unknownCommune: 'Commune non renseignée',
  exportDemand: 'Exporter les demandes sans réponse (CSV)',
  csv: {
    file: (day: string) => `demandes-sans-reponse-${day}.csv`,
    header: ['Code INSEE', 'Commune', 'Besoin', 'Mois', 'Orientations', 'Demandes sans réponse'],
  },
  qpvLegend: (names: readonly string[]) => `Tirets : quartiers prioritaires (${names.join(', ')})`,
  evaluationLink: 'Évaluation du pilote par Maison de la Métropole',

  evaluation: {
    title: 'Évaluation du pilote',
    intro:
      'Chiffres par Maison de la Métropole (équipe) et par mois, tirés des orientations anonymes, des fiches de liaison, de l’annuaire, des campagnes et des signalements. Chaque indicateur a sa définition ; les graphiques ont leur tableau juste à côté.',
    offline: 'Hors ligne : l’évaluation se calcule sur le serveur. Elle s’affichera au retour du réseau.',
    loading: 'Calcul de l’évaluation…',
    error: (message: string) => `Évaluation indisponible : ${message}`,
    team: 'Équipe',
    months: 'Période',
    monthsOption: (n: number) => `${n} derniers mois`,
    chartLabel: (indicator: string, team: string) => `Graphique : ${indicator}, ${team}, par mois`,
    tableCaption: (indicator: string, team: string) => `${indicator} — ${team}`,
    monthColumn: 'Mois',
    valueColumn: 'Valeur',
    notGiven: 'non calculé',
    days: (n: number) => `${n.toLocaleString('fr-FR')} j`,
    percent: (n: number) => `${n} %`,
    export: 'Exporter l’évaluation (CSV)',
    csvFile: (day: string) => `evaluation-pilote-${day}.csv`,
    csvHeader: ['Équipe', 'Mois', 'Indicateur', 'Valeur'],
    motif: (motif: string, label: string) => `Refusées : ${label || motif}`,
    indicators: {
      orientations: {
        label: 'Orientations',
        definition:
          'Orientations terminées par un professionnel de l’équipe (fiche imprimée ou partagée, fiche de liaison envoyée, ou « Terminer ») dont la semaine tombe dans le mois, une par orientation même si elle est imprimée plusieurs fois.',
      },
      orientations_sans_reponse: {
        label: 'Orientations sans réponse',
        definition:
          'Parmi ces orientations, celles où aucun service n’était éligible (les « à vérifier » ne comptent pas).',
      },
      fiches_envoyees: {
        label: 'Fiches de liaison envoyées',
        definition: 'Fiches de liaison reçues par le serveur dans le mois, envoyées par l’équipe.',
      },
      fiches_acceptees: {
        label: 'Fiches acceptées',
        definition: 'Parmi les fiches envoyées dans le mois, celles que le partenaire a acceptées à ce jour.',
      },
      fiches_refusees: {
        label: 'Fiches refusées',
        definition:
          'Parmi les fiches envoyées dans le mois, celles que le partenaire a refusées à ce jour ; le détail par motif suit dans l’export.',
      },
      delai_reponse_median_jours: {
        label: 'Délai médian de réponse',
        definition:
          'Pour les fiches envoyées dans le mois et déjà reçues, acceptées ou refusées : jours entre l’envoi et la première réponse du partenaire, valeur du milieu. Non calculé sous 5 réponses.',
      },
      fiches_verifiees_6_mois: {
        label: 'Fiches vérifiées depuis moins de 6 mois',
        definition:
          'Toute la Métropole : partenaires publiés dont la dernière vérification tombe dans les six mois avant la fin du mois. Une fiche vérifiée de nouveau depuis ne compte que pour sa dernière vérification.',
      },
      campagnes_completion: {
        label: 'Complétion des campagnes',
        definition:
          'Toute la Métropole : part des partenaires interrogés par les campagnes en cours pendant le mois qui avaient répondu à toutes les rubriques à la fin du mois.',
      },
      signalements_ouverts: {
        label: 'Signalements ouverts',
        definition: 'Signalements d’erreur faits dans le mois par les comptes de l’équipe.',
      },
      signalements_clos: {
        label: 'Signalements clos',
        definition:
          'Signalements faits par les comptes de l’équipe et clos dans le mois (par le partenaire ou la coordination).',
      },
    },
    smallCells:
      'Les nombres tirés des orientations et des fiches de liaison sont écrits « < 5 » en dessous de 5 (zéro compris).',
  },
};
