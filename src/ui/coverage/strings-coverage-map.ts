// French strings the coverage screen gained with the map's names and touch (src/ui/coverage/):
// beside strings.ts, whose coverage strings ride on the first load, as strings-data.ts is.

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const frCoverageMap = {
  detailLabel: 'Commune choisie sur la carte',
  tapHint:
    'Touchez une commune pour afficher ses chiffres et ses acteurs. Au clavier, le tableau et la liste des territoires disent la même chose.',
  services: (n: number, unconditional: number) =>
    n === 0 ? 'Aucun service' : `${plural(n, 'service', 'services')}, dont ${unconditional} en accueil inconditionnel`,
  noGap: 'Aucun manque relevé.',
  gaps: (gaps: string) => `Manques : ${gaps}`,
  actors: (commune: string) => `Voir les acteurs à ${commune}`,
};
