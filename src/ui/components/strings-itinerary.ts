// French strings of « Itinéraire », the link to the device's maps app beside a partner (orientation results, the
// person's handout). Kept apart from strings.ts because only those lazy screens show it.
export const frItinerary = {
  label: 'Itinéraire',
  named: (nom: string) => `Itinéraire vers ${nom} (nécessite une connexion)`,
  online: '(nécessite une connexion)',
  offline: '(hors connexion : la carte ne s’ouvrira qu’une fois l’appareil connecté)',
};
