// French strings of the structure editor (« Modifier »). Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frEditor = {
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
    horaires_accueil: 'Horaires d’accueil',
    horaires_note: 'Précisions sur les horaires',
  },
  hints: {
    horaires_note: 'Ce que le tableau ne dit pas : « fermé en août », « hors vacances scolaires sur rendez-vous »…',
  } as Record<string, string>,
  temporaryHint:
    'Les fermetures temporaires se déclarent service par service, avec « Modifier » sur la fiche partenaire.',
} as const;
