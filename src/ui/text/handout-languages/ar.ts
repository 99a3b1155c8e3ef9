// The person's handout in Arabic (Modern Standard Arabic, easy to read: short sentences, everyday words), shown
// right to left. Digits stay Latin (0-9), as on the partner's door, the address and the phone number.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('ar');

export const ar: HandoutWords = {
  title: 'عناوين للحصول على الطعام',
  forPerson: (name) => `إلى: ${name}`,
  madeOn: (date) => `أُعدَّت هذه الورقة يوم ${date}.`,
  callFirst: 'إذا لم تكن متأكداً، اتصل قبل الذهاب.',
  category: {
    food_distribution: 'توزيع وجبات',
    food_packages: 'طرود غذائية',
    social_grocery_stores: 'بقالة تضامنية (طعام بسعر منخفض)',
    solidarity_fridge: 'ثلاجة تضامنية (طعام مجاني)',
    shared_kitchen: 'مطبخ مشترك',
    cooking_workshop: 'ورشة طبخ',
    baby_parcel: 'طرود للرضّع',
    food_voucher: 'قسائم لشراء الطعام',
    community_garden: 'حديقة مشتركة',
    fountain: 'ماء صالح للشرب',
    buying_group: 'شراء جماعي (طعام بسعر منخفض)',
    solidarity_basket: 'سلال خضار وفواكه',
    solidarity_restaurant: 'مطعم تضامني (سعر منخفض)',
    shared_meal: 'وجبة مشتركة',
    nutrition_awareness: 'تعلّم الأكل الصحي',
  },
  hours: 'أوقات العمل',
  receptionHours: 'أوقات عمل الاستقبال',
  nextOpenings: 'أيام الفتح القادمة',
  everyWeek: 'كل أسبوع',
  noHours: 'أوقات العمل غير معروفة: اتصل قبل الذهاب.',
  closed: (from, to) => (to ? `مغلق من ${from} إلى ${to}.` : `مغلق ابتداءً من ${from}، حتى إشعار آخر.`),
  exceptional: (from, to) => (to ? `أوقات عمل خاصة من ${from} إلى ${to}.` : `أوقات عمل خاصة ابتداءً من ${from}.`),
  slot: (from, to) => `من ${from} إلى ${to}`,
  opening: (date, slots) => `${date}، ${slots}`,
  oneDay: (day) => `يوم ${day}`,
  dayRange: (from, to) => `من ${from} إلى ${to}`,
  someDays: (day) => `يوم ${day} (في بعض الأسابيع فقط)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: '، ',
  howToGo: 'كيف تذهب إلى هناك',
  distance: (d, approximate) => `على بُعد ${approximate ? 'حوالي ' : ''}${d} من مكان سكنك (في خط مستقيم).`,
  stepFree: 'مدخل بدون درج (مناسب للكرسي المتحرك).',
  toBring: 'ما يجب إحضاره',
  documents: {
    'piece-identite': 'بطاقة هوية أو جواز سفر أو بطاقة إقامة',
    'justificatif-domicile': 'إثبات السكن أو شهادة إيواء',
    'attestation-caf': 'شهادة من CAF (المنح العائلية) أو الحاصل العائلي (quotient familial)',
    'avis-imposition': 'إشعار الضريبة (avis d’imposition)',
    'justificatif-ressources': 'إثبات الدخل لآخر 3 أشهر',
    'carte-adherent': 'بطاقة العضوية',
  },
  nothingToBring: 'لا حاجة لأي وثيقة.',
  welcome: 'كيف يتم استقبالك',
  ficheSent: 'يجب تقديم استمارة توجيه (fiche de liaison). يرسلها المساعد الاجتماعي.',
  ficheBrought: 'يجب تقديم استمارة توجيه (fiche de liaison). يملؤها المساعد الاجتماعي. أحضرها معك.',
  ficheEither: 'يجب تقديم استمارة توجيه (fiche de liaison). يرسلها المساعد الاجتماعي، أو تحضرها أنت.',
  referralOnly: 'يجب أن يوجّهك مساعد اجتماعي.',
  appointment: 'بموعد مسبق فقط: اتصل قبل الذهاب.',
  registration: 'يجب التسجيل مسبقاً.',
  direct: 'يمكنك الذهاب مباشرة.',
  price: 'السعر',
  priceWords: {
    types: { gratuit: 'مجاني', solidaire: 'سعر منخفض', payant: 'غير مجاني' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `سلة بسعر ${paid}`,
            repas: `وجبة بسعر ${paid}`,
            colis: `طرد غذائي بسعر ${paid}`,
            seance: `حصة بسعر ${paid}`,
            passage: `${paid} في كل زيارة`,
            kilo: `${paid} للكيلو`,
            semaine: `${paid} في الأسبوع`,
            mois: `${paid} في الشهر`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} بدلاً من ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `تدفع حتى ${n.percent(max ?? 0)} من السعر في المتاجر`
        : max === undefined
          ? `تدفع ${n.percent(min)} على الأقل من السعر في المتاجر`
          : `تدفع ${min === max ? n.percent(min) : `من ${n.percent(min)} إلى ${n.percent(max)}`} من السعر في المتاجر`,
    membership: (amount, period) =>
      `اشتراك العضوية: ${amount} ${{ mois: 'في الشهر', an: 'في السنة', unique: '(مرة واحدة)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'امسح الرمز لحفظ العنوان ورقم الهاتف في جهات الاتصال.',
  seeFrench: 'معلومات أخرى من الشريك، باللغة الفرنسية.',
  days: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'] as Week,
  months: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}، ` : ''}${[day, month, year].filter((p) => p !== undefined).join(' ')}`,
};
