// French strings of services that move (a maraude, an épicerie mobile, a bus solidaire): their stops on the
// partner sheet, the next stop in an orientation's results, and the stops in the service editor. Kept beside
// strings.ts because only lazy chunks (sheet, orientation, editor) read them: in strings.ts they would ride on the
// first load.
export const frStops = {
  // Partner sheet
  timetable: 'Arrêts et horaires de passage',
  timetableIntro: 'Ce service se déplace : il passe à ces endroits, aux jours et heures indiqués.',
  days: 'Passages',
  next: 'Prochain passage',
  passingNow: (until: string) => `En ce moment, jusqu’à ${until}`,
  noPassageSoon: 'Pas de passage prévu dans les cinq semaines',
  hoursLoading: 'Calcul des prochains passages…',
  // Orientation results
  nextPassage: (when: string, place: string) => `Prochain passage ${when}, ${place}`,
  passingNowAt: (until: string, place: string) => `Passe en ce moment, jusqu’à ${until}, ${place}`,
  stopsAt: (place: string) => `Passe ${place}`,
  placeWithCommune: (place: string, commune: string) => `${place} (${commune})`,
  distanceSuffix: (distance: string) => `, à ${distance}`,
  // Annuaire
  stopsIn: (communes: readonly string[]) =>
    `Se déplace : ${communes.slice(0, 3).join(', ')}${communes.length > 3 ? ` et ${communes.length - 3} autres communes` : ''}`,
  // Agenda
  agendaKind: 'Passage d’un service qui se déplace · sans inscription',
  agendaSheet: 'Voir la fiche du partenaire',
  // Service editor
  legend: 'Arrêts : un service qui se déplace',
  intro:
    'Une maraude, une épicerie mobile, un bus solidaire : ajoutez chaque lieu où le service s’arrête, avec ses ' +
    'jours et heures de passage. Les personnes à proximité verront le prochain passage.',
  none: 'Aucun arrêt : le service a lieu à une adresse fixe.',
  add: 'Ajouter un arrêt',
  stopLegend: (n: number, name: string) => (name ? `Arrêt ${n} : ${name}` : `Arrêt ${n}`),
  remove: (n: number) => `Retirer l’arrêt ${n}`,
  nom: 'Nom du lieu',
  nomHint: 'Comme les gens le disent : « place Guichard », « parking du marché ».',
  adresse: 'Adresse (facultatif si le nom du lieu suffit)',
  commune: 'Commune',
  chooseCommune: '— Choisir la commune —',
  codePostal: 'Code postal',
  precisions: 'Précisions (facultatif)',
  precisionsHint: 'Où trouver le camion ou l’équipe : « devant la médiathèque ».',
  hoursLegend: (n: number) => `Jours et heures de passage à l’arrêt ${n}`,
  placeRequired: 'Indiquez le nom du lieu ou son adresse',
  communeRequired: 'Choisissez la commune de l’arrêt',
  hoursRequired: 'Indiquez au moins un jour de passage',
} as const;
