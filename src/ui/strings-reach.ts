// French strings of the notice shown before writing a referral to a partner that cannot receive it in Boussole
// (no partner account active for its structure). Loaded with the referral screens only.
export const frReach = {
  title: (partner: string) => `${partner} ne reçoit pas les orientations dans Boussole`,
  body: 'Aucun compte de ce partenaire n’est actif : une orientation envoyée d’ici attendrait sans être lue. Remplissez la fiche de liaison ci-dessous, imprimez-la (« Imprimer la fiche de liaison », en bas du formulaire) et remettez-la à la personne, ou appelez le partenaire.',
  noPhone: 'Aucun numéro de téléphone sur la fiche de ce partenaire.',
};
