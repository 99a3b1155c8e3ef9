// The person's handout in Tigrinya (as written in Eritrea; easy to read: short sentences, everyday words). Typed
// against the French file. Chromium's Intl has no Tigrinya: its day and month names (the Gregorian months as CLDR
// names them) come from this file in that browser, and match what Intl writes where it knows the language (tested).
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('ti');

export const ti: HandoutWords = {
  title: 'መግቢ እትረኽብሉ ኣድራሻታት',
  forPerson: (name) => `ስም: ${name}`,
  madeOn: (date) => `እዚ ወረቐት ዕለት ${date} ተዳልዩ።`,
  callFirst: 'እንተ ተጠራጢርኩም፡ ቅድሚ ምኻድኩም ደውሉ።',
  category: {
    food_distribution: 'ምዕዳል ዝተሰርሐ መግቢ',
    food_packages: 'ፓኬት መግቢ',
    social_grocery_stores: 'ማሕበራዊ ድኳን (መግቢ ብሕሱር ዋጋ)',
    solidarity_fridge: 'ናይ ሓባር ፍሪጅ (ብናጻ መግቢ)',
    shared_kitchen: 'ናይ ሓባር ክሽነ',
    cooking_workshop: 'ትምህርቲ ምኽሻን',
    baby_parcel: 'ፓኬት ንቘልዑ',
    food_voucher: 'ኩፖን መግቢ',
    community_garden: 'ናይ ሓባር ጀርዲን',
    fountain: 'ዝስተ ማይ',
    buying_group: 'ብጉጅለ ምዕዳግ (መግቢ ብሕሱር ዋጋ)',
    solidarity_basket: 'ዘንቢል ፍሩታን ኣሕምልትን',
    solidarity_restaurant: 'ቤት መግቢ (ሕሱር ዋጋ)',
    shared_meal: 'ናይ ሓባር መግቢ',
    nutrition_awareness: 'ጥዑይ ኣመጋግባ ምምሃር',
  },
  hours: 'ሰዓታት ስራሕ',
  receptionHours: 'ሰዓታት ስራሕ መቐበሊ',
  nextOpenings: 'ዝቕጽሉ ክፉት መዓልትታት',
  everyWeek: 'ኩሉ ሰሙን',
  noHours: 'ሰዓታት ስራሕ ኣይፍለጥን። ቅድሚ ምኻድኩም ደውሉ።',
  closed: (from, to) => (to ? `ካብ ${from} ክሳብ ${to} ዕጹው እዩ።` : `ካብ ${from} ጀሚሩ ዕጹው እዩ።`),
  exceptional: (from, to) => (to ? `ካብ ${from} ክሳብ ${to} ፍሉይ ሰዓታት ስራሕ።` : `ካብ ${from} ጀሚሩ ፍሉይ ሰዓታት ስራሕ።`),
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}፣ ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `ካብ ${from} ክሳብ ${to}`,
  someDays: (day) => `${day} (ኣብ ገለ ሰሙናት ጥራይ)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: '፣ ',
  howToGo: 'ከመይ ጌርኩም ትኸዱ',
  distance: (d, approximate) => `${approximate ? 'ብግምት ' : ''}${d} ካብ እትነብሩሉ ቦታ (ብቐጥታ መስመር)።`,
  stepFree: 'መእተዊ ብዘይ መደያይቦ (ንዊልቸር)።',
  toBring: 'ሒዝኩም ምጹ',
  documents: {
    'piece-identite': 'ናይ መንነት ወረቐት፡ ፓስፖርት ወይ ናይ መንበሪ ፍቓድ',
    'justificatif-domicile': 'ናይ ኣድራሻ መረጋገጺ ወይ ናይ መንበሪ ምስክር',
    'attestation-caf': 'ወረቐት ካብ CAF (ናይ ስድራ ሓገዝ) ወይ quotient familial',
    'avis-imposition': 'ናይ ግብሪ ወረቐት (avis d’imposition)',
    'justificatif-ressources': 'ናይ 3 ዝሓለፉ ኣዋርሕ ናይ እቶት መረጋገጺ',
    'carte-adherent': 'ናይ ኣባልነት ካርድ',
  },
  nothingToBring: 'ዝኾነ ወረቐት ኣየድልን።',
  welcome: 'ኩነታት ምእታው',
  ficheSent: 'ናይ ምልኣኽ ቅጥዒ (fiche de liaison) የድሊ። ማሕበራዊ ሰራሕተኛኹም ይሰዶ።',
  ficheBrought: 'ናይ ምልኣኽ ቅጥዒ (fiche de liaison) የድሊ። ማሕበራዊ ሰራሕተኛኹም ይመልኦ። ሒዝኩሞ ምጹ።',
  ficheEither: 'ናይ ምልኣኽ ቅጥዒ (fiche de liaison) የድሊ። ማሕበራዊ ሰራሕተኛኹም ይሰዶ፡ ወይ ባዕልኹም ተምጽእዎ።',
  referralOnly: 'ማሕበራዊ ሰራሕተኛ ክልእኸኩም ኣለዎ።',
  appointment: 'ብቆጸራ ጥራይ። ቅድሚ ምኻድኩም ደውሉ።',
  registration: 'ቅድሚ ምኻድኩም ክትምዝገቡ ኣለኩም።',
  direct: 'ብቐጥታ ክትከዱ ትኽእሉ ኢኹም።',
  price: 'ዋጋ',
  priceWords: {
    types: { gratuit: 'ብናጻ', solidaire: 'ሕሱር ዋጋ', payant: 'ብኽፍሊት' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `ዋጋ ሓደ ዘንቢል: ${paid}`,
            repas: `ዋጋ ሓደ መግቢ: ${paid}`,
            colis: `ዋጋ ሓደ ፓኬት መግቢ: ${paid}`,
            seance: `ዋጋ ሓደ ክፍለ-ግዜ: ${paid}`,
            passage: `ኣብ ነፍሲ ወከፍ ምምጻእ ${paid}`,
            kilo: `ሓደ ኪሎ ${paid}`,
            semaine: `ኣብ ሰሙን ${paid}`,
            mois: `ኣብ ወርሒ ${paid}`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} (ንቡር ዋጋ ${reference})`,
    share: (min, max) =>
      min === undefined
        ? `ካብ ዋጋ ድኳን ክሳብ ${n.percent(max ?? 0)} ትኸፍሉ`
        : max === undefined
          ? `ካብ ዋጋ ድኳን እንተወሓደ ${n.percent(min)} ትኸፍሉ`
          : `ካብ ዋጋ ድኳን ${min === max ? n.percent(min) : `${n.percent(min)} ክሳብ ${n.percent(max)}`} ትኸፍሉ`,
    membership: (amount, period) =>
      `ክፍሊት ኣባልነት: ${{ mois: `ኣብ ወርሒ ${amount}`, an: `ኣብ ዓመት ${amount}`, unique: `${amount} (ሓንሳብ)` }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('።'),
  },
  qrCaption: 'ኣድራሻን ቁጽሪ ተሌፎንን ኣብ ተሌፎንኩም ንምዕቃብ ነቲ ኮድ ስካን ግበሩ።',
  seeFrench: 'ተወሳኺ ሓበሬታ ካብቲ ትካል፡ ብፈረንሳይኛ።',
  days: ['ሰኑይ', 'ሰሉስ', 'ረቡዕ', 'ሓሙስ', 'ዓርቢ', 'ቀዳም', 'ሰንበት'] as Week,
  months: ['ጥሪ', 'ለካቲት', 'መጋቢት', 'ሚያዝያ', 'ጉንበት', 'ሰነ', 'ሓምለ', 'ነሓሰ', 'መስከረም', 'ጥቅምቲ', 'ሕዳር', 'ታሕሳስ'] as Months,
  // As CLDR writes Tigrinya: « ሓሙስ፣ 12 መጋቢት », « 12 መጋቢት », « መጋቢት 12, 2026 » with the year.
  date: ({ weekday, day, month, year }: DateParts) =>
    year !== undefined ? `${month} ${day}, ${year}` : `${weekday ? `${weekday}፣ ` : ''}${day} ${month}`,
};
