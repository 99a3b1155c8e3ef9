// French strings of « Je gère ce lieu » / « Inviter ce partenaire » on the partner sheet (loaded with the sheet's
// lazy chunk only).
export const frClaim = {
  claimOpen: 'Je gère ce lieu',
  claimTitle: 'Recevoir les orientations et tenir cette fiche à jour',
  claimIntro:
    'Demandez un compte partenaire pour ce lieu. La coordination vérifie votre demande et vous remet un code de connexion.',
  nom: 'Votre nom et prénom',
  contact: 'Un téléphone ou une adresse e-mail pour vous joindre',
  send: 'Envoyer la demande',
  cancel: 'Annuler',
  sent: 'Demande envoyée : la coordination vous contactera. Vos coordonnées seront effacées une fois la demande traitée.',
  offline: 'Hors connexion : la demande partira quand le réseau sera revenu. Réessayez alors.',
  failed: (m: string) => `La demande n’a pas pu être envoyée : ${m}`,
  required: 'Ce champ est obligatoire',
  invite: 'Inviter ce partenaire',
  receives: 'Ce partenaire reçoit les orientations dans Boussole : vous pouvez lui envoyer la fiche de liaison d’ici.',
};
