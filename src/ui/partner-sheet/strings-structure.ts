// French strings of the partner sheet's structure part. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frStructure = {
  back: 'Retour à l’annuaire',
  missingTitle: 'Fiche partenaire introuvable',
  missing: 'Cette fiche partenaire n’est pas (ou plus) sur cet appareil.',
  edit: 'Modifier',
  services: 'Services',
  hours: 'Horaires',
  contact: 'Contact',
  updated: (date: string) => `Mise à jour le ${date}`,
  pendingEdit: 'Modification enregistrée sur l’appareil, en attente d’envoi',
} as const;
