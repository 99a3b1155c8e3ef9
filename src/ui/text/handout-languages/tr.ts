// The person's handout in Turkish (easy to read: short sentences, everyday words, « siz »). Typed against the
// French file. Dates and figures are never given a suffix (« 12 Mart tarihinden itibaren »), which would depend on
// the figure's pronunciation.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('tr');

export const tr: HandoutWords = {
  title: 'Yiyecek bulabileceğiniz adresler',
  forPerson: (name) => `Kime: ${name}`,
  madeOn: (date) => `Bu sayfa ${date} tarihinde hazırlandı.`,
  callFirst: 'Emin değilseniz, gitmeden önce arayın.',
  category: {
    food_distribution: 'Yemek dağıtımı',
    food_packages: 'Gıda kolisi',
    social_grocery_stores: 'Sosyal market (ucuz gıda)',
    solidarity_fridge: 'Dayanışma buzdolabı (ücretsiz yiyecek)',
    shared_kitchen: 'Ortak mutfak',
    cooking_workshop: 'Yemek atölyesi',
    baby_parcel: 'Bebek kolisi',
    food_voucher: 'Gıda çeki',
    community_garden: 'Ortak bahçe',
    fountain: 'İçme suyu',
    buying_group: 'Ortak alışveriş (ucuz gıda)',
    solidarity_basket: 'Meyve ve sebze sepeti',
    solidarity_restaurant: 'Dayanışma lokantası (ucuz)',
    shared_meal: 'Ortak yemek',
    nutrition_awareness: 'Sağlıklı beslenmeyi öğrenmek',
  },
  hours: 'Çalışma saatleri',
  receptionHours: 'Karşılama saatleri',
  nextOpenings: 'Sonraki açık günler',
  everyWeek: 'Her hafta',
  noHours: 'Çalışma saatleri bilinmiyor: gitmeden önce arayın.',
  closed: (from, to) =>
    to ? `Kapalı: ${from} – ${to}.` : `${from} tarihinden itibaren kapalı. Açılış tarihi henüz belli değil.`,
  exceptional: (from, to) =>
    to ? `Özel çalışma saatleri: ${from} – ${to}.` : `${from} tarihinden itibaren özel çalışma saatleri.`,
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `${from} – ${to}`,
  someDays: (day) => `${day} (sadece bazı haftalar)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Nasıl gidilir',
  distance: (d, approximate) => `Yaşadığınız yere ${approximate ? 'yaklaşık ' : ''}${d} (kuş uçuşu).`,
  stepFree: 'Basamaksız giriş (tekerlekli sandalye).',
  toBring: 'Yanınızda getirin',
  documents: {
    'piece-identite': 'Kimlik kartı, pasaport veya oturma izni',
    'justificatif-domicile': 'Adres belgesi veya konaklama belgesi',
    'attestation-caf': 'CAF belgesi (aile yardımları) veya quotient familial',
    'avis-imposition': 'Vergi bildirimi (avis d’imposition)',
    'justificatif-ressources': 'Son 3 ayın gelir belgeleri',
    'carte-adherent': 'Üyelik kartı',
  },
  nothingToBring: 'Hiçbir belge gerekmiyor.',
  welcome: 'Kabul koşulları',
  ficheSent: 'Bir yönlendirme formu (fiche de liaison) gerekir. Sosyal hizmet görevliniz bu formu gönderir.',
  ficheBrought:
    'Bir yönlendirme formu (fiche de liaison) gerekir. Sosyal hizmet görevliniz bu formu doldurur. Formu yanınızda getirin.',
  ficheEither:
    'Bir yönlendirme formu (fiche de liaison) gerekir. Sosyal hizmet görevliniz gönderir veya siz getirirsiniz.',
  referralOnly: 'Bir sosyal hizmet görevlisinin sizi yönlendirmesi gerekir.',
  appointment: 'Sadece randevu ile: gitmeden önce arayın.',
  registration: 'Önceden kayıt yaptırmanız gerekir.',
  direct: 'Doğrudan gidebilirsiniz.',
  price: 'Fiyat',
  priceWords: {
    types: { gratuit: 'Ücretsiz', solidaire: 'Düşük fiyat', payant: 'Ücretli' },
    euros: n.euros,
    // Amounts after a colon, and the usual price in brackets: no suffix to fit to a figure.
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Sepet: ${paid}`,
            repas: `Yemek: ${paid}`,
            colis: `Gıda kolisi: ${paid}`,
            seance: `Seans: ${paid}`,
            passage: `Her gelişte ${paid}`,
            kilo: `Kilosu ${paid}`,
            semaine: `Haftada ${paid}`,
            mois: `Ayda ${paid}`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} (normal fiyatı ${reference})`,
    share: (min, max) =>
      min === undefined
        ? `Mağaza fiyatının en fazla ${n.percent(max ?? 0)} kadarını ödersiniz`
        : max === undefined
          ? `Mağaza fiyatının en az ${n.percent(min)} kadarını ödersiniz`
          : `Mağaza fiyatının ${min === max ? n.percent(min) : `${n.percent(min)} – ${n.percent(max)}`} kadarını ödersiniz`,
    membership: (amount, period) =>
      `Üyelik ücreti: ${{ mois: `ayda ${amount}`, an: `yılda ${amount}`, unique: `${amount} (bir kez ödenir)` }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Adresi ve telefonu rehberinize kaydetmek için kodu okutun.',
  seeFrench: 'Kurumun yazdığı diğer bilgiler Fransızca.',
  days: ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'] as Week,
  months: [
    'Ocak',
    'Şubat',
    'Mart',
    'Nisan',
    'Mayıs',
    'Haziran',
    'Temmuz',
    'Ağustos',
    'Eylül',
    'Ekim',
    'Kasım',
    'Aralık',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    [day, month, year, weekday].filter((p) => p !== undefined).join(' '),
};
