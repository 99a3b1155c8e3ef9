// French strings of the profile's field names (results, referral pre-fill). Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frProfileFields = {
  lieu: 'la commune',
  code_qpv: 'le quartier prioritaire (QPV)',
  age: 'l’âge',
  genre: 'le genre',
  foyer: 'le foyer et l’âge des enfants',
  situation_familiale: 'la situation familiale',
  situation_administrative: 'la situation administrative',
  ressources: 'les ressources',
  mobilite: 'la mobilité',
  langues: 'les langues parlées',
  regimes: 'le régime alimentaire',
  peut_cuisiner: 'si la personne peut cuisiner',
  disponibilites: 'les disponibilités',
  urgence: 'l’urgence',
  emploi: 'l’activité professionnelle',
  handicap: 'la situation de handicap',
  budget: 'les ressources et charges',
} as const;
