// French strings of the Synchronisation screen (what waits to be sent, conflicts, refused changes, the device's
// storage). Kept beside strings.ts, as strings-campaigns-reports.ts is, because only that screen's lazy chunk reads them: the
// shell's few words (the badge, the sign-out warning) stay in strings.ts.
import type { RecordKind } from '../../domain/sync-protocol.ts';

export const frSync = {
  title: 'Synchronisation',
  loading: 'Lecture de ce que l’appareil garde pour le serveur…',
  onDevice: (partners: number, services: number) =>
    `${partners} ${partners > 1 ? 'partenaires' : 'partenaire'} et ${services} ${services > 1 ? 'services' : 'service'} sur l’appareil`,
  storagePersistent: 'Stockage protégé sur cet appareil',
  storageUnsupported: 'Protection du stockage non disponible sur ce navigateur',
  unauthenticated:
    'Votre session a expiré ou cet appareil a été révoqué. Reconnectez-vous : ce qui attend d’être envoyé est conservé.',
  outdated:
    'Cette version de Boussole est trop ancienne pour le serveur. Mettez à jour l’application : ce qui attend d’être envoyé est conservé.',

  pendingTitle: 'En attente d’envoi',
  pendingNone: 'Rien en attente : tout est sur le serveur.',
  pendingOffline: 'Hors ligne : tout partira au retour du réseau, sans rien à refaire.',
  pendingNeedsSignIn: 'Connectez-vous pour envoyer ce qui attend.',
  /** What each queue's item is, as a person names it. */
  kinds: {
    structure: 'Fiche partenaire',
    service: 'Service',
    action: 'Action de l’agenda',
    signalement: 'Signalement',
    campagne: 'Campagne de mise à jour',
    reponse_campagne: 'Réponse à la campagne',
    referral: 'Orientation',
    statistique: 'Statistique anonyme',
  } satisfies Record<RecordKind | 'referral' | 'statistique', string>,
  /** An orientation's anonymous figures (docs/orientation-events.md) have no name: they describe nobody. */
  statisticName: 'Fin d’une orientation',
  /** « Fiche partenaire : Téléphone », « Orientation : fiche de liaison à transmettre ». */
  what: (kind: string, what: string) => `${kind} : ${what}`,
  changes: {
    create: 'ajout',
    delete: 'suppression',
    resolve: 'choix dans un conflit',
    send: 'fiche de liaison à transmettre',
    status: (label: string) => `réponse « ${label} » à transmettre`,
    count: 'chiffres sans nom (commune, besoins, nombre de résultats) à transmettre',
  },
  unnamed: 'Sans nom sur cet appareil',
  waiting: 'En attente d’envoi',
  sent: 'Envoyé, réponse du serveur attendue',
  since: (when: string) => `enregistré ${when}`,

  conflictsTitle: 'Conflits à résoudre',
  conflictsNone: 'Aucun conflit.',
  conflictIntro: (nom: string, field: string) =>
    `« ${field} » de ${nom} a été modifié à la fois sur cet appareil et par quelqu’un d’autre.`,
  mine: (by: string) => `Version de ${by}`,
  theirs: (by: string) => `Version de ${by}`,
  keep: 'Garder cette version',
  merge: 'Fusionner : écrire la bonne valeur',
  mergeLabel: 'Valeur fusionnée',
  mergeSave: 'Enregistrer la valeur fusionnée',
  empty: '(vide)',
  deletedRecord: '(fiche supprimée)',
  created: 'nouvelle fiche',
  deleted: 'suppression',
  resolving: 'résolution de conflit',
  rejectionsTitle: 'Modifications refusées',
  rejectionsNone: 'Aucune modification refusée.',
  rejectionReason: (label: string, message: string) => `${label} : ${message}`,
  dismiss: 'Retirer de la liste',
  openRecord: 'Ouvrir la fiche',
};
