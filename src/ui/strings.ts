// Every sentence of the interface, in French. Components never spell text themselves; enumeration labels come
// from src/domain/vocabulary.ts.
export const fr = {
  appName: 'Boussole',
  tagline: 'Orienter vers une alimentation de qualité à prix solidaire',
  skipToContent: 'Aller au contenu',
  directory: {
    title: 'Annuaire des partenaires',
    communeLabel: 'Commune',
    allCommunes: 'Toute la Métropole',
    count: (structures: number, services: number) =>
      `${structures} ${structures > 1 ? 'partenaires' : 'partenaire'}, ${services} ${services > 1 ? 'services' : 'service'}`,
    empty: 'Aucun partenaire enregistré sur cet appareil pour cette commune.',
    emptyNeverSynced:
      "L'annuaire n'est pas encore sur cet appareil. Connectez-vous une première fois pour le télécharger.",
    loading: "Chargement de l'annuaire…",
    showMore: (remaining: number) => `Afficher plus (${remaining} restants)`,
    servicesOf: (n: number) => `${n} ${n > 1 ? 'services' : 'service'}`,
    professionalsOnly: 'Réservé aux professionnels',
    proposed: 'Proposé, en attente de validation',
    invalidRows: (n: number) =>
      `${n} ${n > 1 ? 'fiches illisibles ont été ignorées' : 'fiche illisible a été ignorée'} ; une nouvelle synchronisation les remplacera.`,
    phone: (tel: string) => `Appeler le ${tel}`,
  },
  sync: {
    regionLabel: 'État de la synchronisation',
    online: 'En ligne',
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    progress: (received: number, total: number) => `Téléchargement de l'annuaire : ${received} / ${total}`,
    lastSync: (when: string) => `Dernière synchronisation : ${when}`,
    neverSynced: 'Jamais synchronisé',
    syncNow: 'Synchroniser',
    error: (message: string) => `La synchronisation a échoué : ${message}. Nouvel essai automatique.`,
    onDevice: (n: number) => `${n} fiches sur l'appareil`,
    storagePersistent: 'Stockage protégé sur cet appareil',
    storageBestEffort: "Stockage non garanti : le navigateur pourrait effacer les données s'il manque de place",
    storageUnsupported: 'Protection du stockage non disponible sur ce navigateur',
  },
  update: {
    available: 'Nouvelle version disponible',
    apply: 'Mettre à jour',
    later: 'Plus tard',
  },
  errors: {
    storageUnavailable:
      "Ce navigateur ne permet pas d'enregistrer l'annuaire sur l'appareil (navigation privée ?). Boussole ne peut pas fonctionner hors ligne.",
  },
} as const;

/** "il y a 3 min", "aujourd'hui à 14:05", "le 12/03/2026": how long ago something happened. */
export function formatWhen(iso: string, now: Date): string {
  const date = new Date(iso);
  const minutes = Math.round((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  const sameDay = date.toDateString() === now.toDateString();
  const time = date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  if (sameDay) return `aujourd'hui à ${time}`;
  return `le ${date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} à ${time}`;
}
