// The person's handout in Romanian (easy to read: short sentences, everyday words, « dumneavoastră »). Typed
// against the French file.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('ro');

export const ro: HandoutWords = {
  title: 'Adrese unde găsiți mâncare',
  forPerson: (name) => `Pentru ${name}`,
  madeOn: (date) => `Fișă pregătită pe ${date}.`,
  callFirst: 'Dacă nu sunteți sigur, sunați înainte să mergeți.',
  category: {
    food_distribution: 'Distribuire de mâncare gătită',
    food_packages: 'Pachete cu alimente',
    social_grocery_stores: 'Magazin social (mâncare la preț mic)',
    solidarity_fridge: 'Frigider solidar (mâncare gratuită)',
    shared_kitchen: 'Bucătărie comună',
    cooking_workshop: 'Atelier de gătit',
    baby_parcel: 'Pachete pentru bebeluși',
    food_voucher: 'Tichete pentru mâncare',
    community_garden: 'Grădină comunitară',
    fountain: 'Apă potabilă',
    buying_group: 'Cumpărături în grup (mâncare la preț mic)',
    solidarity_basket: 'Coșuri cu fructe și legume',
    solidarity_restaurant: 'Restaurant solidar (preț mic)',
    shared_meal: 'Masă în comun',
    nutrition_awareness: 'Învățăm să mâncăm sănătos',
  },
  hours: 'Program',
  receptionHours: 'Programul recepției',
  nextOpenings: 'Următoarele zile cu program',
  everyWeek: 'În fiecare săptămână',
  noHours: 'Program necunoscut: sunați înainte să mergeți.',
  closed: (from, to) => (to ? `Închis în perioada ${from} – ${to}.` : `Închis începând cu ${from}, până la noi vești.`),
  exceptional: (from, to) =>
    to ? `Program special în perioada ${from} – ${to}.` : `Program special începând cu ${from}.`,
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `de ${from} până ${to}`,
  someDays: (day) => `${day} (doar în unele săptămâni)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Cum ajungeți',
  distance: (d, approximate) =>
    `La ${approximate ? 'aproximativ ' : ''}${d} de locuința dumneavoastră (în linie dreaptă).`,
  stepFree: 'Intrare fără trepte (scaun cu rotile).',
  toBring: 'Ce trebuie să aduceți',
  documents: {
    'piece-identite': 'Act de identitate, pașaport sau permis de ședere',
    'justificatif-domicile': 'Dovada adresei sau adeverință de găzduire',
    'attestation-caf': 'Adeverință de la CAF (alocații familiale) sau quotient familial',
    'avis-imposition': 'Decizia de impunere (avis d’imposition)',
    'justificatif-ressources': 'Dovada veniturilor din ultimele 3 luni',
    'carte-adherent': 'Card de membru',
  },
  nothingToBring: 'Nu trebuie să aduceți niciun act.',
  welcome: 'Cum sunteți primit',
  ficheSent: 'Este nevoie de o fișă de trimitere (fiche de liaison). Asistentul social o trimite.',
  ficheBrought:
    'Este nevoie de o fișă de trimitere (fiche de liaison). Asistentul social o completează. Aduceți-o cu dumneavoastră.',
  ficheEither:
    'Este nevoie de o fișă de trimitere (fiche de liaison). Asistentul social o trimite sau o aduceți dumneavoastră.',
  referralOnly: 'Trebuie să fiți trimis de un asistent social.',
  appointment: 'Doar cu programare: sunați înainte să mergeți.',
  registration: 'Trebuie să vă înscrieți înainte.',
  direct: 'Puteți merge direct.',
  price: 'Preț',
  priceWords: {
    types: { gratuit: 'Gratuit', solidaire: 'Preț mic', payant: 'Cu plată' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Coș la ${paid}`,
            repas: `Masă la ${paid}`,
            colis: `Pachet cu alimente la ${paid}`,
            seance: `Ședință la ${paid}`,
            passage: `${paid} de fiecare dată`,
            kilo: `${paid} kilogramul`,
            semaine: `${paid} pe săptămână`,
            mois: `${paid} pe lună`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} în loc de ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `Plătiți cel mult ${n.percent(max ?? 0)} din prețul din magazin`
        : max === undefined
          ? `Plătiți cel puțin ${n.percent(min)} din prețul din magazin`
          : `Plătiți ${min === max ? n.percent(min) : `între ${n.percent(min)} și ${n.percent(max)}`} din prețul din magazin`,
    membership: (amount, period) =>
      `Cotizație de membru: ${amount} ${{ mois: 'pe lună', an: 'pe an', unique: '(o singură dată)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Scanați codul ca să păstrați adresa și telefonul în contacte.',
  seeFrench: 'Mai multe informații de la partener, în franceză.',
  days: ['luni', 'marți', 'miercuri', 'joi', 'vineri', 'sâmbătă', 'duminică'] as Week,
  months: [
    'ianuarie',
    'februarie',
    'martie',
    'aprilie',
    'mai',
    'iunie',
    'iulie',
    'august',
    'septembrie',
    'octombrie',
    'noiembrie',
    'decembrie',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}, ` : ''}${[day, month, year].filter((p) => p !== undefined).join(' ')}`,
};
