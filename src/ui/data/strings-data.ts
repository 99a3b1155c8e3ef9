// French strings of the « Données » screen (data·inclusion export, imports). Beside strings.ts, as
// strings-campaigns-reports.ts is, because only that lazy route reads them: in strings.ts they would ride on the first load.

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const frData = {
  title: 'Données ouvertes : export et import',
  intro:
    'L’annuaire au format data·inclusion v1, lisible par les autres services du réseau de l’inclusion. Sans connexion, vous obtenez les fiches publiques ; connecté·e en tant que professionnel·le, toutes les fiches que vous voyez dans Boussole.',
  exportTitle: 'Télécharger l’annuaire',
  files: {
    'structures.json': 'Structures (JSON)',
    'structures.csv': 'Structures (CSV)',
    'services.json': 'Services (JSON)',
    'services.csv': 'Services (CSV)',
  } as Record<string, string>,
  offline:
    'Hors connexion : les exports et les imports passent par le serveur. Ils seront disponibles dès le retour du réseau ; le reste de Boussole fonctionne sans connexion.',
  downloading: 'Téléchargement…',
  downloadFailed: (message: string) => `Le téléchargement a échoué : ${message}`,
  importTitle: 'Importer des fiches',
  importIntro:
    'Réservé à la coordination. Les fiches valides sont créées ou mises à jour ensemble, à votre nom dans l’historique ; les lignes invalides sont listées et rien n’est écrit à moitié.',
  fileLabel: 'Fichier(s) à importer',
  fileHint:
    'data·inclusion : JSON ou CSV (structures et services, plusieurs fichiers possibles). 2019 : le CSV du prototype.',
  formatLabel: 'Format',
  formats: {
    'data-inclusion': 'data·inclusion v1 (JSON ou CSV)',
    'boussole-2019': 'Boussole 2019 (CSV du prototype)',
  },
  noFile: 'Choisissez au moins un fichier.',
  tooLarge: 'Fichiers trop volumineux (au plus 8 Mio au total).',
  submit: 'Importer',
  importing: 'Import en cours…',
  importFailed: (message: string) => `L’import a échoué : ${message}`,
  reportTitle: 'Rapport d’import',
  read: (n: number) => `Fiches lues : ${n}`,
  imported: (total: number, created: number, updated: number, same: number) =>
    `Importées : ${total} (créées ${created}, mises à jour ${updated}, déjà à jour ${same})`,
  deleted: (n: number) => `Ignorées car supprimées dans Boussole : ${n}`,
  hoursConverted: (n: number) => `Horaires convertis au format OpenStreetMap : ${n}`,
  hoursToCheck: (n: number) => `Horaires à vérifier (texte d’origine conservé) : ${n}`,
  noHours: (n: number) => `Sans horaires : ${n}`,
  rejected: (n: number) => `Rejetées : ${plural(n, 'ligne', 'lignes')}`,
  nothingImported: 'Aucune fiche n’a pu être importée.',
  rejectedCaption: 'Lignes rejetées, avec le champ en cause',
  colLine: 'Ligne',
  colField: 'Champ',
  colReason: 'Raison',
  wholeRecord: '(la fiche entière)',
};
