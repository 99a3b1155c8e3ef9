// French strings of « Vérifié il y a … »: how fresh a listing is. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frFreshness = {
  verified: (ago: string, par: string) => `Vérifié ${ago} par ${par}`,
  never: (ago: string) => `Jamais vérifié (dernière modification ${ago})`,
  neverFlag: 'À vérifier auprès du partenaire',
  due: (months: number) => `À vérifier (${months === 1 ? 'tous les mois' : `tous les ${months} mois`})`,
  obsolete: 'Obsolète : informations de plus de 2 ans, appelez avant d’orienter',
} as const;
