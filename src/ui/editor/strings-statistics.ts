// French strings of the structure's choice about the anonymous orientation statistics (« Modifier » a partner),
// loaded with the editor's chunk.
export const frStatistics = {
  participation: 'Les professionnels de cette structure participent aux statistiques anonymes d’orientation',
  participationHint:
    'À la fin d’une orientation, seuls des chiffres sans nom partent (semaine, commune, besoins, nombre de résultats) pour repérer les demandes sans réponse. Décochez pour ne rien envoyer.',
};
