// The person's handout in Dari (the Persian of Afghanistan, read by Farsi speakers too; easy to read: short
// sentences, everyday words), shown right to left. The profile's code is « fa »; the sheet is tagged fa-AF so that
// the browser writes Gregorian months as Afghanistan does (« مارچ »). Digits stay Latin (0-9), as on the partner's
// door, the address and the phone number.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('fa-AF');

export const fa: HandoutWords = {
  title: 'آدرس‌ها برای گرفتن غذا',
  forPerson: (name) => `برای: ${name}`,
  madeOn: (date) => `این ورق به تاریخ ${date} آماده شد.`,
  callFirst: 'اگر مطمئن نیستید، پیش از رفتن تیلفون کنید.',
  category: {
    food_distribution: 'توزیع غذای پخته',
    food_packages: 'بسته‌های مواد غذایی',
    social_grocery_stores: 'دکان اجتماعی (مواد غذایی با قیمت کم)',
    solidarity_fridge: 'یخچال همبستگی (غذای مجانی)',
    shared_kitchen: 'آشپزخانهٔ مشترک',
    cooking_workshop: 'کارگاه آشپزی',
    baby_parcel: 'بسته برای نوزادان',
    food_voucher: 'کوپن خرید غذا',
    community_garden: 'باغچهٔ مشترک',
    fountain: 'آب آشامیدنی',
    buying_group: 'خرید گروهی (مواد غذایی با قیمت کم)',
    solidarity_basket: 'سبد میوه و سبزی',
    solidarity_restaurant: 'رستورانت همبستگی (قیمت کم)',
    shared_meal: 'غذای دسته‌جمعی',
    nutrition_awareness: 'آموختن تغذیهٔ سالم',
  },
  hours: 'ساعات کار',
  receptionHours: 'ساعات کار پذیرش',
  nextOpenings: 'روزهای باز آینده',
  everyWeek: 'هر هفته',
  noHours: 'ساعات کار معلوم نیست: پیش از رفتن تیلفون کنید.',
  closed: (from, to) => (to ? `از ${from} تا ${to} بسته است.` : `از ${from} بسته است، تا اطلاع بعدی.`),
  exceptional: (from, to) => (to ? `ساعات کار خاص از ${from} تا ${to}.` : `ساعات کار خاص از ${from}.`),
  slot: (from, to) => `از ${from} تا ${to}`,
  opening: (date, slots) => `${date}، ${slots}`,
  oneDay: (day) => `روز ${day}`,
  dayRange: (from, to) => `از ${from} تا ${to}`,
  someDays: (day) => `روز ${day} (فقط در بعضی هفته‌ها)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: '، ',
  howToGo: 'چطور بروید',
  distance: (d, approximate) => `به فاصلهٔ ${approximate ? 'تقریباً ' : ''}${d} از جای زندگی شما (به خط مستقیم).`,
  stepFree: 'دروازهٔ ورودی بدون زینه (برای ویلچر).',
  toBring: 'چه چیزی با خود بیاورید',
  documents: {
    'piece-identite': 'کارت هویت، پاسپورت یا کارت اقامت',
    'justificatif-domicile': 'سند آدرس یا تصدیق محل سکونت',
    'attestation-caf': 'تصدیق از CAF (کمک‌های خانواده) یا quotient familial',
    'avis-imposition': 'ورقهٔ مالیات (avis d’imposition)',
    'justificatif-ressources': 'اسناد عاید 3 ماه گذشته',
    'carte-adherent': 'کارت عضویت',
  },
  nothingToBring: 'به هیچ سندی نیاز نیست.',
  welcome: 'شرایط پذیرش',
  ficheSent: 'یک فورم معرفی (fiche de liaison) لازم است. مددکار اجتماعی شما آن را می‌فرستد.',
  ficheBrought: 'یک فورم معرفی (fiche de liaison) لازم است. مددکار اجتماعی شما آن را پُر می‌کند. آن را با خود بیاورید.',
  ficheEither: 'یک فورم معرفی (fiche de liaison) لازم است. مددکار اجتماعی آن را می‌فرستد، یا خودتان آن را می‌آورید.',
  referralOnly: 'باید یک مددکار اجتماعی شما را معرفی کند.',
  appointment: 'فقط با وقت قبلی: پیش از رفتن تیلفون کنید.',
  registration: 'باید از قبل نام‌نویسی کنید.',
  direct: 'می‌توانید مستقیم بروید.',
  price: 'قیمت',
  priceWords: {
    types: { gratuit: 'مجانی', solidaire: 'قیمت کم', payant: 'پولی' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `سبد به قیمت ${paid}`,
            repas: `غذا به قیمت ${paid}`,
            colis: `بستهٔ مواد غذایی به قیمت ${paid}`,
            seance: `هر جلسه به قیمت ${paid}`,
            passage: `${paid} برای هر بار آمدن`,
            kilo: `${paid} فی کیلو`,
            semaine: `${paid} در هفته`,
            mois: `${paid} در ماه`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} به جای ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `شما حداکثر ${n.percent(max ?? 0)} قیمت دکان را می‌پردازید`
        : max === undefined
          ? `شما دست‌کم ${n.percent(min)} قیمت دکان را می‌پردازید`
          : `شما ${min === max ? n.percent(min) : `${n.percent(min)} تا ${n.percent(max)}`} قیمت دکان را می‌پردازید`,
    membership: (amount, period) =>
      `حق عضویت: ${amount} ${{ mois: 'در ماه', an: 'در سال', unique: '(یک بار)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'کد را اسکن کنید تا آدرس و شمارهٔ تیلفون در تیلفون شما ذخیره شود.',
  seeFrench: 'معلومات بیشتر از این مؤسسه، به زبان فرانسوی.',
  days: ['دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه', 'یکشنبه'] as Week,
  months: [
    'جنوری',
    'فبروری',
    'مارچ',
    'اپریل',
    'می',
    'جون',
    'جولای',
    'اگست',
    'سپتمبر',
    'اکتوبر',
    'نومبر',
    'دسمبر',
  ] as Months,
  // As Intl writes fa-AF: « پنجشنبه 12 مارچ », « مارچ 12 » without a weekday, « 12 مارچ 2026 » with the year.
  date: ({ weekday, day, month, year }: DateParts) =>
    weekday !== undefined
      ? `${weekday} ${day} ${month}`
      : year !== undefined
        ? `${day} ${month} ${year}`
        : `${month} ${day}`,
};
