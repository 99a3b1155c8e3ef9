// French strings of hours as the sheet, the cards and the results show them. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frHoursShown = {
  range: (from: string, to: string) => `${from} – ${to}`,
  and: ' et ',
  openUntil: (time: string) => `Ouvert jusqu’à ${time}`,
  openNonStop: 'Ouvert en continu',
  openUntilDay: (day: string, time: string) => `Ouvert jusqu’à ${day} ${time}`,
  opensAt: (when: string, time: string) => `Ouvre ${when} à ${time}`,
  closedUntil: (day: string) => `Fermé temporairement jusqu’au ${day} inclus`,
  closedIndefinitely: 'Fermé temporairement, jusqu’à nouvel ordre',
  noOpeningSoon: 'Aucune ouverture prévue dans les 5 prochaines semaines',
  unknown: 'Horaires non renseignés',
  unknownDay: 'horaires inconnus',
  closed: 'fermé',
  closedTemporarily: 'fermé (fermeture temporaire)',
  exceptional: 'horaires exceptionnels',
  toConfirm: '(à confirmer)',
  holidaysClosed: 'Fermé les jours fériés.',
  opening: (day: string, range: string, notes: string) => `${day}, ${range}${notes ? ` (${notes})` : ''}`,
} as const;
