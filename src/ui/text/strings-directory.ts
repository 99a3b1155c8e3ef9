// French strings of annuaire list, partner sheet and editors: loading, counts, empty states. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frDirectory = {
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
} as const;
