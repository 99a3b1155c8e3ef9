// Every sentence of the interface, in French. Components never spell text themselves; enumeration labels come
// from src/domain/vocabulary.ts.
export const fr = {
  appName: 'Boussole',
  skipToContent: 'Aller au contenu',
  sync: {
    online: 'En ligne',
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    progress: (received: number, total: number) => `Téléchargement de l'annuaire : ${received} / ${total}`,
    lastSync: (when: string) => `Dernière synchronisation : ${when}`,
    neverSynced: 'Jamais synchronisé',
    syncNow: 'Synchroniser',
    error: (message: string) => `La synchronisation a échoué : ${message}. Nouvel essai automatique.`,
    unauthenticated: 'Reconnexion nécessaire',
    outdated: 'Mise à jour nécessaire',
    storageBestEffort: "Stockage non garanti : le navigateur pourrait effacer les données s'il manque de place",
    understood: 'Compris',
  },
  notFound: {
    title: 'Page introuvable',
    back: 'Revenir à l’annuaire',
  },
  // The shell (Header, NavMenu, AccountMenu): short words, on the first load.
  nav: {
    label: 'Navigation principale',
    menu: 'Menu',
    home: 'Accueil',
    directory: 'Annuaire',
    orientation: 'Nouvelle orientation',
    handout: 'Liste à remettre',
    agenda: 'Agenda',
    reports: 'Signalements',
    campaigns: 'Campagnes',
    coverage: 'Couverture et manques',
    evaluation: 'Évaluation du pilote',
    admin: 'Administration',
    data: 'Données ouvertes',
    sync: 'Synchronisation',
    signIn: 'Se connecter',
    // After a count: « 2 en attente » (on a phone the count alone shows, the words are read out).
    pending: ' en attente',
    toReview: ' à revoir',
  },
  account: {
    signOut: 'Se déconnecter',
    // Signing out erases the account's data from the device (src/db/session-repo.ts), unsent work included.
    erases: 'Les données de votre compte seront effacées de cet appareil.',
    loses: (n: number) =>
      `Attention : ${n > 1 ? `${n} envois en attente seront perdus` : '1 envoi en attente sera perdu'} (modifications, orientations, réponses).`,
    // The orientation in progress is erased too (session-repo.ts), said whenever one is on the device.
    work: 'L’orientation en cours (situation de la personne et liste à remettre) sera effacée.',
    seePending: 'Voir ce qui attend',
    anyway: 'Se déconnecter quand même',
    cancel: 'Annuler',
  },
  // Accueil, Annuaire, partner sheet, hours and service editors (HomeScreen in src/ui/shell, DirectoryScreen in
  // src/ui/directory, StructureScreen and its sections in src/ui/partner-sheet, the editors in src/ui/editor).
  home: {
    title: 'Accueil',
    intro: 'Trouver un partenaire de l’aide alimentaire, même sans réseau.',
    searchLabel: 'Rechercher dans l’annuaire',
    searchHint: 'Un nom, une commune, un besoin : « épicerie Vénissieux », « colis », « atelier cuisine »…',
    searchSubmit: 'Rechercher',
    newOrientation: 'Nouvelle orientation',
    resumeOrientation: 'Reprendre l’orientation en cours',
    newOrientationHint: 'À partir de la situation d’une personne : les partenaires qui peuvent l’accueillir.',
    browse: 'Parcourir l’annuaire',
    coverage: 'Couverture et manques du territoire',
    coverageHint: 'Pour la coordination : carte et tableau par commune et par besoin, acteurs, exports.',
    proposals: 'Propositions de partenaires',
    proposalsHint: 'Valider, fusionner avec un doublon ou refuser les structures proposées.',
    data: 'Données ouvertes (data·inclusion)',
    dataHint: 'Exporter l’annuaire, importer des fiches data·inclusion ou de 2019.',
  },
  listings: {
    ownListing: 'Ma fiche partenaire',
    ownListingHint: 'Horaires, fermetures, conditions, prix, fiche de liaison : vérifiez, corrigez, confirmez.',
    proposalsNav: 'Propositions',
  },
  // Referrals: the shell's and the partner sheet's few words; the referral screens' own are in strings-referral.ts.
  referral: {
    navLabel: 'Orientations',
    orient: 'Orienter',
    orientNamed: (name: string) => `Orienter vers ${name} (fiche de liaison)`,
  },
  // End of orientation and recap.
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
  // Formatted here rather than by text/fr-format.ts: the header shows it on the first screen, whose budget has no
  // room for fr-format and the Paris-time helpers it brings. « Today » is still the Paris day.
  const paris = { timeZone: 'Europe/Paris' } as const;
  const day = date.toLocaleDateString('fr-FR', paris);
  const time = date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', ...paris });
  if (day === now.toLocaleDateString('fr-FR', paris)) return `aujourd'hui à ${time}`;
  return `le ${day} à ${time}`;
}
