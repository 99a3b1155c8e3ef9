// The person's handout in Ukrainian (easy to read: short sentences, everyday words, « ви »). Typed against the
// French file. Months are in the genitive, as in a date (« 12 березня »).
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('uk');

export const uk: HandoutWords = {
  title: 'Адреси, де можна отримати їжу',
  forPerson: (name) => `Для: ${name}`,
  madeOn: (date) => `Лист складено ${date}.`,
  callFirst: 'Якщо сумніваєтеся, зателефонуйте перед тим, як іти.',
  category: {
    food_distribution: 'Роздача готової їжі',
    food_packages: 'Продуктові набори',
    social_grocery_stores: 'Соціальний магазин (продукти за низькою ціною)',
    solidarity_fridge: 'Спільний холодильник (безкоштовна їжа)',
    shared_kitchen: 'Спільна кухня',
    cooking_workshop: 'Кулінарний майстер-клас',
    baby_parcel: 'Набори для малюків',
    food_voucher: 'Талони на продукти',
    community_garden: 'Спільний город',
    fountain: 'Питна вода',
    buying_group: 'Спільні закупівлі (продукти за низькою ціною)',
    solidarity_basket: 'Кошики з овочами та фруктами',
    solidarity_restaurant: 'Соціальна їдальня (низькі ціни)',
    shared_meal: 'Спільний обід',
    nutrition_awareness: 'Вчимося правильно харчуватися',
  },
  hours: 'Години роботи',
  receptionHours: 'Години роботи приймальні',
  nextOpenings: 'Найближчі дні роботи',
  everyWeek: 'Щотижня',
  noHours: 'Години роботи невідомі: зателефонуйте перед тим, як іти.',
  closed: (from, to) => (to ? `Зачинено з ${from} по ${to}.` : `Зачинено з ${from}. Дата відкриття поки невідома.`),
  exceptional: (from, to) => (to ? `Особливі години роботи з ${from} по ${to}.` : `Особливі години роботи з ${from}.`),
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `${from} – ${to}`,
  someDays: (day) => `${day} (не щотижня)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Як дістатися',
  distance: (d, approximate) => `${approximate ? 'Приблизно ' : ''}${d} від місця, де ви живете (по прямій).`,
  stepFree: 'Вхід без сходинок (можна на візку).',
  toBring: 'Що взяти з собою',
  documents: {
    'piece-identite': 'Посвідчення особи, паспорт або посвідка на проживання',
    'justificatif-domicile': 'Підтвердження адреси або довідка про проживання',
    'attestation-caf': 'Довідка з CAF (сімейна допомога) або ваш quotient familial',
    'avis-imposition': 'Податкове повідомлення (avis d’imposition)',
    'justificatif-ressources': 'Довідки про доходи за останні 3 місяці',
    'carte-adherent': 'Членська картка',
  },
  nothingToBring: 'Документи не потрібні.',
  welcome: 'Умови прийому',
  ficheSent: 'Потрібне направлення (fiche de liaison). Його надсилає ваш соціальний працівник.',
  ficheBrought:
    'Потрібне направлення (fiche de liaison). Його заповнює ваш соціальний працівник. Візьміть його з собою.',
  ficheEither:
    'Потрібне направлення (fiche de liaison). Його надсилає соціальний працівник, або ви приносите його самі.',
  referralOnly: 'Потрібне направлення від соціального працівника.',
  appointment: 'Лише за записом: зателефонуйте перед тим, як іти.',
  registration: 'Потрібно записатися заздалегідь.',
  direct: 'Можна прийти без направлення.',
  price: 'Ціна',
  priceWords: {
    types: { gratuit: 'Безкоштовно', solidaire: 'Низька ціна', payant: 'Платно' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Кошик за ${paid}`,
            repas: `Порція їжі за ${paid}`,
            colis: `Продуктовий набір за ${paid}`,
            seance: `Заняття за ${paid}`,
            passage: `${paid} за кожен прихід`,
            kilo: `${paid} за кілограм`,
            semaine: `${paid} на тиждень`,
            mois: `${paid} на місяць`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} замість ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `Ви платите не більше ${n.percent(max ?? 0)} ціни в магазині`
        : max === undefined
          ? `Ви платите щонайменше ${n.percent(min)} ціни в магазині`
          : `Ви платите ${min === max ? n.percent(min) : `від ${n.percent(min)} до ${n.percent(max)}`} ціни в магазині`,
    membership: (amount, period) =>
      `Членський внесок: ${amount} ${{ mois: 'на місяць', an: 'на рік', unique: '(один раз)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Відскануйте код, щоб зберегти адресу й телефон у контактах.',
  seeFrench: 'Додаткова інформація від організації — французькою.',
  days: ['понеділок', 'вівторок', 'середа', 'четвер', 'пʼятниця', 'субота', 'неділя'] as Week,
  months: [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}, ` : ''}${day} ${month}${year === undefined ? '' : ` ${year} р.`}`,
};
