// French strings of the Annuaire: its search, filters, cards and « Distances depuis ». Only the lazy chunks of the
// Annuaire and the screens reusing its cards read them, so they stay off the first load.
export const frDirectoryScreen = {
  title: 'Annuaire des partenaires',
  searchLabel: 'Rechercher',
  searchHint: 'Fautes et accents tolérés. Tous les mots doivent correspondre.',
  searchSubmit: 'Rechercher',
  filtersLegend: 'Filtres',
  /** The button that shows the filters on a phone, with how many apply. */
  filtersToggle: (active: number) =>
    active === 0 ? 'Filtres' : `Filtres (${active} ${active > 1 ? 'actifs' : 'actif'})`,
  besoin: 'Besoin',
  anyNeed: 'Tous les besoins',
  commune: 'Commune',
  anyCommune: 'Toute la Métropole',
  ouvert: 'Ouverture',
  ouvertOptions: { '': 'Peu importe', maintenant: 'Ouvert maintenant', semaine: 'Ouvert cette semaine' },
  prix: 'Prix',
  prixOptions: { '': 'Peu importe', gratuit: 'Gratuit', solidaire: 'Gratuit ou prix solidaire' },
  sansOrientation: 'Sans orientation (ni fiche de liaison)',
  langue: 'Langue parlée sur place',
  anyLanguage: 'Peu importe',
  pmr: 'Accès de plain-pied (fauteuil roulant)',
  clearFilters: 'Effacer tous les filtres',
  count: (n: number) => (n === 0 ? 'Aucun service trouvé' : `${n} ${n > 1 ? 'services trouvés' : 'service trouvé'}`),
  loading: 'Chargement de l’annuaire sur l’appareil…',
  hoursLoading: 'Horaires en cours de chargement : le filtre d’ouverture s’appliquera dans un instant.',
  noDirectory: "L'annuaire n'est pas encore sur cet appareil. Connectez-vous une première fois pour le télécharger.",
  emptyTitle: 'Aucun service ne correspond.',
  emptyQuery: (q: string) =>
    `Vérifiez l’orthographe de « ${q} », ou essayez moins de mots, plus généraux (« épicerie », « colis »).`,
  clearQuery: 'Effacer la recherche',
  emptyFilters: 'Ou retirez un filtre :',
  removeFilter: (label: string) => `Retirer « ${label} »`,
  showMore: (remaining: number) => `Afficher plus (${remaining} restants)`,
  resultsLabel: 'Résultats',
  at: (structure: string) => `Chez ${structure}`,
  referral: 'Sur orientation',
  professionalsOnly: 'Réservé aux professionnels',
  placeLegend: 'Distances depuis',
  placeHint:
    'À vol d’oiseau depuis la position, ou depuis le centre de la commune (« environ »). Durées estimées sans réseau : marche à 4,5 km/h, transports avec 10 min d’attente, le plus rapide des deux.',
  clearPlace: 'Effacer le lieu',
  nearestFirst: (commune: string) => `Les plus proches de ${commune} d’abord.`,
  address: 'Adresse : ',
  price: 'Prix : ',
  /** A query found nothing with the filters, but finds services without them: the words are right. */
  emptyWithFilters: (q: string, n: number) =>
    `« ${q} » donne ${n} ${n > 1 ? 'services' : 'service'} sans les filtres : retirez un filtre.`,
};
