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
    unauthenticated: 'Reconnexion nécessaire',
    outdated: 'Mise à jour nécessaire',
    storagePersistent: 'Stockage protégé sur cet appareil',
    storageBestEffort: "Stockage non garanti : le navigateur pourrait effacer les données s'il manque de place",
    storageUnsupported: 'Protection du stockage non disponible sur ce navigateur',
  },
  notFound: {
    title: 'Page introuvable',
    back: 'Revenir à l’annuaire',
  },
  nav: {
    label: 'Navigation principale',
    directory: 'Annuaire',
    sync: 'Synchronisation',
    signIn: 'Se connecter',
    toReview: (n: number) => `${n} à revoir`,
    pending: (n: number) => `${n} en attente`,
  },
  signIn: {
    title: 'Connexion',
    intro:
      "Saisissez le code d'invitation reçu de la coordination. Il rattache cet appareil à votre compte ; vous pourrez ensuite travailler sans réseau.",
    codeLabel: "Code d'invitation",
    codeHint: 'Lettres, chiffres et tirets, par exemple ABCD-1234',
    submit: 'Se connecter',
    demoTitle: 'Essayer la démo',
    demoIntro: 'Ce serveur de démonstration propose un compte par rôle :',
    demoAs: (role: string) => `Essayer en tant que ${role}`,
    offline: 'La connexion demande du réseau. Vous pouvez consulter l’annuaire public hors ligne en attendant.',
    signedInAs: (nom: string, role: string) => `Connecté·e : ${nom} (${role})`,
    pendingKept: (n: number) =>
      `${n} ${n > 1 ? 'modifications faites hors connexion seront envoyées' : 'modification faite hors connexion sera envoyée'} après la connexion.`,
    failed: (message: string) => `Connexion impossible : ${message}`,
  },
  review: {
    title: 'Synchronisation',
    pendingTitle: 'Modifications en attente d’envoi',
    pendingNone: 'Aucune modification en attente : tout est sur le serveur.',
    pendingNeedsSignIn: 'Connectez-vous pour envoyer ces modifications.',
    pendingItem: (nom: string, fields: string) => `${nom} — ${fields}`,
    created: 'nouvelle fiche',
    deleted: 'suppression',
    resolving: 'résolution de conflit',
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
    rejectionsTitle: 'Modifications refusées par le serveur',
    rejectionsNone: 'Aucune modification refusée.',
    rejectionReason: (label: string, message: string) => `${label} : ${message}`,
    dismiss: 'Retirer de la liste',
    openRecord: 'Ouvrir la fiche',
    storageTitle: 'Stockage',
    signOut: 'Se déconnecter de cet appareil',
    signOutWarning: (n: number) =>
      `Attention : ${n} ${n > 1 ? 'modifications n’ont' : 'modification n’a'} pas encore été envoyée${n > 1 ? 's' : ''} au serveur et ${n > 1 ? 'seront perdues' : 'sera perdue'}. Se déconnecter quand même ?`,
    signOutConfirm: 'Se déconnecter de cet appareil ? Les données de votre compte seront effacées de l’appareil.',
    unauthenticated:
      'Votre session a expiré ou cet appareil a été révoqué. Reconnectez-vous : vos modifications en attente sont conservées.',
    outdated:
      'Cette version de Boussole est trop ancienne pour le serveur. Mettez à jour l’application : vos modifications en attente sont conservées.',
  },
  structure: {
    back: 'Retour à l’annuaire',
    missing: 'Cette fiche n’est pas (ou plus) sur cet appareil.',
    edit: 'Modifier',
    services: 'Services',
    hours: 'Horaires',
    contact: 'Contact',
    updated: (date: string) => `Mise à jour le ${date}`,
    pendingEdit: 'Modification enregistrée sur l’appareil, en attente d’envoi',
  },
  editor: {
    title: (nom: string) => `Modifier « ${nom} »`,
    save: 'Enregistrer',
    cancel: 'Annuler',
    saved: 'Enregistré sur l’appareil. La modification sera envoyée à la prochaine synchronisation.',
    invalid: 'Certains champs sont à corriger.',
    labels: {
      nom: 'Nom',
      description: 'Description',
      adresse: 'Adresse',
      complement_adresse: "Complément d'adresse",
      telephone: 'Téléphone',
      courriel: 'Courriel',
      site_web: 'Site web',
      horaires_accueil: 'Horaires (format OpenStreetMap)',
      horaires_note: 'Précisions sur les horaires',
    },
    hints: {
      horaires_accueil: 'Par exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off',
    } as Record<string, string>,
  },
  update: {
    available: 'Nouvelle version disponible',
    apply: 'Mettre à jour',
    later: 'Plus tard',
    saveFirst: 'enregistrez d’abord votre saisie en cours',
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
