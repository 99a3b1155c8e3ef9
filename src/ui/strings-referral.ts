// French strings of the partner's answer to a referral and of its appointment, on screen and on the printed slip.
// Kept beside strings.ts because only the referral screens' lazy chunk reads them. The referral's other words are
// still in strings.ts (`fr.referral`), where the shell's links to them need a few.
export const frReferral = {
  answer: {
    legend: 'Votre réponse',
    choice: 'Réponse à l’orientation',
    accept: 'Accepter',
    refuse: 'Refuser',
    choiceMissing: 'Choisissez : accepter ou refuser l’orientation.',
    reasonMissing: 'Choisissez le motif du refus.',
    send: 'Envoyer la réponse',
    offline: 'Sans réseau, la réponse part dès la prochaine synchronisation.',
  },
  appointment: {
    legend: 'Rendez-vous proposé à la personne (facultatif)',
    intro: 'La personne et l’équipe qui l’a orientée le liront, et pourront l’imprimer.',
    date: 'Date',
    dateHint: 'Par exemple 14/01/2027.',
    time: 'Heure (facultative)',
    timeHint: 'Par exemple 14:30.',
    place: 'Lieu (facultatif)',
    placeHint: 'Laissez vide si c’est à l’adresse du partenaire.',
    contact: 'Personne à demander (facultatif)',
    dateMissing: 'Indiquez la date du rendez-vous, ou videz les autres champs du rendez-vous.',
    title: 'Rendez-vous',
    when: (date: string, time: string | undefined) => (time ? `Le ${date} à ${time}` : `Le ${date}`),
    where: (place: string) => `Lieu : ${place}`,
    atPartner: (address: string) => `Lieu : ${address}`,
    askFor: (name: string) => `Demander : ${name}`,
    print: 'Imprimer le rendez-vous pour la personne',
    slipTitle: (partner: string) => `Votre rendez-vous chez ${partner}`,
    slipBring: 'Présentez-vous à l’accueil avec ce papier.',
    slipContact: 'Pour prévenir d’un retard ou d’une absence :',
  },
  sentOn: (date: string) => `Envoi : ${date}`,
  writtenOn: (date: string) => `Rédaction : ${date}`,
};
