// The person's handout in Russian (easy to read: short sentences, everyday words, « вы »). Typed against the
// French file. Months are in the genitive, as in a date (« 12 марта »).
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('ru');

export const ru: HandoutWords = {
  title: 'Адреса, где можно получить еду',
  forPerson: (name) => `Для: ${name}`,
  madeOn: (date) => `Лист составлен ${date}.`,
  callFirst: 'Если сомневаетесь, позвоните перед тем, как идти.',
  category: {
    food_distribution: 'Раздача готовой еды',
    food_packages: 'Продуктовые наборы',
    social_grocery_stores: 'Социальный магазин (продукты по низкой цене)',
    solidarity_fridge: 'Общий холодильник (бесплатная еда)',
    shared_kitchen: 'Общая кухня',
    cooking_workshop: 'Кулинарный мастер-класс',
    baby_parcel: 'Наборы для малышей',
    food_voucher: 'Талоны на продукты',
    community_garden: 'Общий огород',
    fountain: 'Питьевая вода',
    buying_group: 'Совместные закупки (продукты по низкой цене)',
    solidarity_basket: 'Корзины с овощами и фруктами',
    solidarity_restaurant: 'Социальная столовая (низкие цены)',
    shared_meal: 'Совместный обед',
    nutrition_awareness: 'Учимся правильно питаться',
  },
  hours: 'Часы работы',
  receptionHours: 'Часы работы приёмной',
  nextOpenings: 'Ближайшие дни работы',
  everyWeek: 'Каждую неделю',
  noHours: 'Часы работы неизвестны: позвоните перед тем, как идти.',
  closed: (from, to) => (to ? `Закрыто с ${from} по ${to}.` : `Закрыто с ${from}. Дата открытия пока неизвестна.`),
  exceptional: (from, to) => (to ? `Особые часы работы с ${from} по ${to}.` : `Особые часы работы с ${from}.`),
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `${from} – ${to}`,
  someDays: (day) => `${day} (не каждую неделю)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Как добраться',
  distance: (d, approximate) => `${approximate ? 'Примерно ' : ''}${d} от места, где вы живёте (по прямой).`,
  stepFree: 'Вход без ступенек (можно на коляске).',
  toBring: 'Что взять с собой',
  documents: {
    'piece-identite': 'Удостоверение личности, паспорт или вид на жительство',
    'justificatif-domicile': 'Подтверждение адреса или справка о проживании',
    'attestation-caf': 'Справка из CAF (семейные пособия) или ваш quotient familial',
    'avis-imposition': 'Налоговое уведомление (avis d’imposition)',
    'justificatif-ressources': 'Справки о доходах за последние 3 месяца',
    'carte-adherent': 'Членская карта',
  },
  nothingToBring: 'Документы не нужны.',
  welcome: 'Условия приёма',
  ficheSent: 'Нужно направление (fiche de liaison). Его отправляет ваш социальный работник.',
  ficheBrought: 'Нужно направление (fiche de liaison). Его заполняет ваш социальный работник. Возьмите его с собой.',
  ficheEither: 'Нужно направление (fiche de liaison). Его отправляет социальный работник, или вы приносите его сами.',
  referralOnly: 'Нужно направление от социального работника.',
  appointment: 'Только по записи: позвоните перед тем, как идти.',
  registration: 'Нужно записаться заранее.',
  direct: 'Можно прийти без направления.',
  price: 'Цена',
  priceWords: {
    types: { gratuit: 'Бесплатно', solidaire: 'Низкая цена', payant: 'Платно' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Корзина за ${paid}`,
            repas: `Порция еды за ${paid}`,
            colis: `Продуктовый набор за ${paid}`,
            seance: `Занятие за ${paid}`,
            passage: `${paid} за каждый приход`,
            kilo: `${paid} за килограмм`,
            semaine: `${paid} в неделю`,
            mois: `${paid} в месяц`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} вместо ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `Вы платите не больше ${n.percent(max ?? 0)} цены в магазине`
        : max === undefined
          ? `Вы платите не меньше ${n.percent(min)} цены в магазине`
          : `Вы платите ${min === max ? n.percent(min) : `от ${n.percent(min)} до ${n.percent(max)}`} цены в магазине`,
    membership: (amount, period) =>
      `Членский взнос: ${amount} ${{ mois: 'в месяц', an: 'в год', unique: '(один раз)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Отсканируйте код, чтобы сохранить адрес и телефон в контактах.',
  seeFrench: 'Дополнительная информация от организации — на французском.',
  days: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as Week,
  months: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}, ` : ''}${day} ${month}${year === undefined ? '' : ` ${year} г.`}`,
};
