// French strings of the editor of a partner's fiche de liaison fields. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frReferralFormFields = {
  legend: 'Champs de la fiche de liaison',
  intro:
    'Les informations que vous demandez pour chaque orientation. Sans champ, la fiche de liaison standard de Boussole est utilisée ; le nom et le téléphone de la personne sont toujours demandés.',
  label: 'Intitulé',
  type: 'Type',
  required: 'Obligatoire',
  options: 'Choix possibles (un par ligne)',
  add: 'Ajouter un champ',
  remove: (label: string) => `Retirer le champ ${label || 'sans intitulé'}`,
  up: (label: string) => `Monter ${label || 'ce champ'}`,
  down: (label: string) => `Descendre ${label || 'ce champ'}`,
  field: (n: number) => `Champ ${n}`,
} as const;
