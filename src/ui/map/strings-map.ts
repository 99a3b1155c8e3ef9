// French strings of the « Liste / Carte » toggle and the results map. Beside strings.ts, as strings-data.ts is:
// only lazy chunks read them, so they stay off the first load (the coverage map's are in strings-coverage-map.ts).

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const frMap = {
  list: 'Liste',
  map: 'Carte',
  loading: 'Chargement de la carte…',
  failed: 'La carte n’a pas pu être chargée. La liste reste disponible.',
  waiting: 'La carte s’affiche dès que l’annuaire est chargé sur l’appareil.',
  title: (n: number) => `Carte des résultats : ${plural(n, 'lieu', 'lieux')}`,
  pointsLabel: (n: number) => `Lieux sur la carte (${n})`,
  /** What the map holds, said once above it: the same results as the list, in the same order. */
  shown: (shown: number, total: number) =>
    shown === total
      ? `${plural(shown, 'résultat', 'résultats')} sur la carte, comme dans la liste.`
      : `Les ${shown} premiers résultats sur ${total}, comme dans la liste.`,
  none: 'Aucun résultat à placer sur la carte.',
  keyboardHint:
    'Touchez un point pour voir le lieu. Au clavier : les flèches passent d’un point à l’autre, Entrée ouvre.',
  kind: { eligible: 'correspond', to_check: 'à vérifier', service: '' } as Record<string, string>,
  point: (name: string, commune: string, kind: string) => [name, commune, kind].filter(Boolean).join(', '),
  group: (n: number, names: string) => `${n} lieux proches : ${names}`,
  legendTitle: 'Légende',
  legend: {
    eligible: 'Correspond à la situation',
    to_check: 'À vérifier',
    service: 'Service',
    group: 'Plusieurs lieux proches',
    person: 'La personne (position non enregistrée)',
  },
  person: 'Position de la personne',
  approximate: 'Emplacement approximatif : centre de la commune.',
  hoursUnknown: 'Horaires en cours de chargement',
  cardLabel: 'Lieu sélectionné',
  close: 'Fermer',
  selectHint: 'Touchez un point de la carte, ou choisissez-le au clavier, pour afficher son adresse et ses horaires.',
};
