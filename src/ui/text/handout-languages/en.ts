// The person's handout in English (easy-to-read: short sentences, everyday words). Typed against the French file.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('en-GB');

export const en: HandoutWords = {
  title: 'Your addresses for food',
  forPerson: (name) => `For ${name}`,
  madeOn: (date) => `Sheet made on ${date}.`,
  callFirst: 'If you are not sure, call before you go.',
  category: {
    food_distribution: 'Meals given out',
    food_packages: 'Food parcels',
    social_grocery_stores: 'Social grocery (food at a low price)',
    solidarity_fridge: 'Community fridge (free food)',
    shared_kitchen: 'Shared kitchen',
    cooking_workshop: 'Cooking class',
    baby_parcel: 'Baby parcels',
    food_voucher: 'Food vouchers',
    community_garden: 'Community garden',
    fountain: 'Drinking water',
    buying_group: 'Group buying (food at a low price)',
    solidarity_basket: 'Fruit and vegetable baskets',
    solidarity_restaurant: 'Low-price restaurant',
    shared_meal: 'Shared meal',
    nutrition_awareness: 'Learning to eat well',
  },
  hours: 'Opening times',
  receptionHours: 'Reception opening times',
  nextOpenings: 'Next open days',
  everyWeek: 'Every week',
  noHours: 'Opening times unknown: call before you go.',
  closed: (from, to) => (to ? `Closed from ${from} to ${to}.` : `Closed from ${from}, until further notice.`),
  exceptional: (from, to) =>
    to ? `Special opening times from ${from} to ${to}.` : `Special opening times from ${from}.`,
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `${from} to ${to}`,
  someDays: (day) => `${day} (some weeks only)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'How to get there',
  distance: (d, approximate) => `${approximate ? 'About ' : ''}${d} from where you live (in a straight line).`,
  stepFree: 'Step-free entrance (wheelchair).',
  toBring: 'What to bring',
  documents: {
    'piece-identite': 'ID card, passport or residence permit',
    'justificatif-domicile': 'Proof of address, or a letter from the person who houses you',
    'attestation-caf': 'Letter from the CAF (family benefits) or your quotient familial',
    'avis-imposition': 'Tax notice (avis d’imposition)',
    'justificatif-ressources': 'Proof of income for the last 3 months',
    'carte-adherent': 'Membership card',
  },
  nothingToBring: 'No papers needed.',
  welcome: 'How to get in',
  ficheSent: 'A referral form (fiche de liaison) is needed. Your social worker sends it.',
  ficheBrought: 'A referral form (fiche de liaison) is needed. Your social worker fills it in. Bring it with you.',
  ficheEither: 'A referral form (fiche de liaison) is needed. Your social worker sends it, or you bring it.',
  referralOnly: 'A social worker must refer you.',
  appointment: 'By appointment only: call before you go.',
  registration: 'You must sign up first.',
  direct: 'You can go there directly.',
  price: 'Price',
  priceWords: {
    types: { gratuit: 'Free', solidaire: 'Low price', payant: 'Not free' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `A basket for ${paid}`,
            repas: `A meal for ${paid}`,
            colis: `A food parcel for ${paid}`,
            seance: `A session for ${paid}`,
            passage: `${paid} each visit`,
            kilo: `${paid} a kilo`,
            semaine: `${paid} a week`,
            mois: `${paid} a month`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} instead of ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `You pay up to ${n.percent(max ?? 0)} of the shop price`
        : max === undefined
          ? `You pay at least ${n.percent(min)} of the shop price`
          : `You pay ${min === max ? n.percent(min) : `${n.percent(min)} to ${n.percent(max)}`} of the shop price`,
    membership: (amount, period) =>
      `Membership: ${amount} ${{ mois: 'a month', an: 'a year', unique: '(paid once)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Scan the code to keep the address and phone number in your contacts.',
  seeFrench: 'More information from the partner, in French.',
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as Week,
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    [weekday, day, month, year].filter((p) => p !== undefined).join(' '),
};
