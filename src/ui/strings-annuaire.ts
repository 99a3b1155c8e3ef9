// French strings the Annuaire's cards and its « Distances depuis » add to fr.annuaire (strings.ts): only the
// Annuaire's lazy chunk reads them, so they stay off the first load.
export const frAnnuaire = {
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
