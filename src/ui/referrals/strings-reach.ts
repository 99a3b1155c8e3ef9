// French strings of the notice shown before writing a referral to a partner that cannot receive it in Boussole
// (no partner account active for its structure). Loaded with the referral screens only.
export const frReach = {
  title: (partner: string) => `${partner} ne reçoit pas les orientations dans Boussole`,
  body: 'Aucun compte de ce partenaire n’est actif : une orientation envoyée d’ici attendrait sans être lue. Remplissez la fiche de liaison ci-dessous, imprimez-la (« Imprimer la fiche de liaison », en bas du formulaire) et remettez-la à la personne, ou appelez le partenaire.',
  print: 'Imprimer la fiche de liaison',
  noPhone: 'Aucun numéro de téléphone sur la fiche de ce partenaire.',
  refusedTitle: 'Cette orientation n’a pas été transmise au partenaire',
  refusedBody:
    'Rien n’est perdu : la fiche de liaison ci-dessous est gardée sur cet appareil. Imprimez-la et remettez-la à la personne, ou appelez le partenaire.',
  unreadTitle: (partner: string) => `${partner} ne reçoit plus les orientations dans Boussole`,
  unreadBody:
    'Son compte partenaire n’est plus actif : cette orientation risque de ne pas être lue avant son expiration. Imprimez la fiche de liaison pour la personne, ou appelez le partenaire.',
};
