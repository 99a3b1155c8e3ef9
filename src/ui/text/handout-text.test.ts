import { describe, expect, it } from 'vitest';
import { handoutLanguage, loadWords } from './handout-language.ts';
import type { PartnerSheet } from './handout-sheet.ts';
import { blockInWords, type SheetLanguage, shareText, sheetLanguage } from './handout-text.ts';

/** Tuesday 3 November 2026, 10:00 in Paris. */
const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const at = (iso: string) => Date.parse(iso);

const opening = (start: string, end: string, comment: string | null = null) => ({
  start: at(start),
  end: at(end),
  day: start.slice(0, 10),
  uncertain: false,
  comment,
  exceptional: false,
});

function aSheet(overrides: Partial<PartnerSheet> = {}): PartnerSheet {
  return {
    serviceId: 's1',
    name: 'Épicerie sociale des Minguettes',
    service: 'Épicerie solidaire',
    category: 'social_grocery_stores',
    offre: null,
    address: ['12 avenue Jean Cagne', '69200 Vénissieux'],
    distance: { km: 1.24, approximate: false },
    stepFree: true,
    accessNote: 'Sonner à l’interphone',
    hours: {
      temporary: [{ type: 'fermeture', from: '2026-12-21', to: '2027-01-04', message: 'Congés de fin d’année' }],
      // Today, tomorrow and in two days: the sheet still writes each date out.
      next: [
        opening('2026-11-03T09:00:00+01:00', '2026-11-03T12:00:00+01:00'),
        opening('2026-11-04T14:00:00+01:00', '2026-11-04T17:00:00+01:00', 'sur inscription'),
        opening('2026-11-05T09:00:00+01:00', '2026-11-05T12:00:00+01:00'),
      ],
      week: [
        {
          from: 1,
          to: 3,
          weekly: true,
          slots: [
            { start: at('2026-11-03T09:00:00+01:00'), end: at('2026-11-03T12:00:00+01:00'), comment: null },
            { start: at('2026-11-03T14:00:00+01:00'), end: at('2026-11-03T17:30:00+01:00'), comment: null },
          ],
        },
        {
          from: 4,
          to: 4,
          weekly: false,
          slots: [{ start: at('2026-11-06T14:00:00+01:00'), end: at('2026-11-06T16:00:00+01:00'), comment: null }],
        },
      ],
      note: 'Fermé les jours fériés',
      reception: false,
    },
    documents: ['piece-identite', 'attestation-caf'],
    referral: { fiche: 'either', onlyByReferral: true, appointment: true, registration: false },
    tarif: {
      type: 'solidaire',
      montant: 7,
      montant_reference: 18,
      unite: 'panier',
      adhesion: { montant: 2, periode: 'an' },
      precisions: 'Carte valable 6 mois',
    },
    phone: '04 72 00 00 01',
    email: 'epicerie@example.org',
    latitude: 45.7,
    longitude: 4.88,
    ...overrides,
  };
}

async function language(code: 'fr' | 'ar' | 'en' | 'tr' | 'ti'): Promise<SheetLanguage> {
  return sheetLanguage(handoutLanguage(code), await loadWords(code));
}

describe('a partner in words', () => {
  it('in French: every date written out, the week explained, and what the partner wrote, as written', async () => {
    const { words, format } = await language('fr');
    const block = blockInWords(aSheet(), words, format, NOW, true);
    expect(block.category).toBe('Épicerie sociale et solidaire');
    expect(block.hours?.next).toEqual([
      'mardi 3 novembre, 9\u00a0h\u00a0– 12\u00a0h',
      'mercredi 4 novembre, 14\u00a0h\u00a0– 17\u00a0h (sur inscription)',
      'jeudi 5 novembre, 9\u00a0h\u00a0– 12\u00a0h',
    ]);
    expect(block.hours?.week).toEqual([
      'Du mardi au jeudi : 9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030',
      'Certains vendredis : 14\u00a0h\u00a0– 16\u00a0h',
    ]);
    expect(block.hours?.temporary).toEqual([
      'Fermeture exceptionnelle du 21 décembre au 4 janvier 2027.',
      'Congés de fin d’année',
    ]);
    expect(block.hours?.note).toBe('Fermé les jours fériés');
    expect(block.howToGo).toEqual([
      'À 1,2\u202fkm à vol d’oiseau de votre lieu de vie.',
      'Accès de plain-pied (fauteuil roulant).',
      'Sonner à l’interphone',
    ]);
    expect(block.documents).toEqual(["Pièce d'identité ou titre de séjour", 'Attestation CAF ou quotient familial']);
    expect(block.welcome).toEqual([
      'Une fiche de liaison est nécessaire : votre travailleur·se social·e l’envoie, ou vous l’apportez.',
      'Sur rendez-vous : appelez avant de venir.',
    ]);
    // The price as the partner sheet says it, the partner's own words after the amounts.
    expect(block.price).toBe('Panier à 7\u00a0€ au lieu de 18\u00a0€. Adhésion 2\u00a0€ par an. Carte valable 6 mois');
    expect(block.seeFrench).toBe(false);
    const all = JSON.stringify(block);
    expect(all).not.toMatch(/demain|aujourd’hui|aujourd'hui/);
  });

  it('in Arabic: the fixed texts translated, dates with Latin digits, the partner’s words left to the French block', async () => {
    const { words, format } = await language('ar');
    const block = blockInWords(aSheet(), words, format, NOW, false);
    expect(block.category).toBe('بقالة تضامنية (طعام بسعر منخفض)');
    expect(block.hours?.next[0]).toBe('الثلاثاء، 3 نوفمبر، من 09:00 إلى 12:00');
    // The partner's comment « sur inscription » is not printed in the Arabic block.
    expect(block.hours?.next[1]).toBe('الأربعاء، 4 نوفمبر، من 14:00 إلى 17:00');
    expect(block.hours?.week[0]).toBe('من الثلاثاء إلى الخميس: من 09:00 إلى 12:00، من 14:00 إلى 17:30');
    expect(block.hours?.temporary).toEqual(['مغلق من 21 ديسمبر إلى 4 يناير 2027.']);
    expect(block.hours?.note).toBeNull();
    expect(block.howToGo).toEqual([
      'على بُعد 1.2 كم من مكان سكنك (في خط مستقيم).',
      'مدخل بدون درج (مناسب للكرسي المتحرك).',
    ]);
    // The amounts in Arabic, as Intl writes euros there; the partner's words are left to the French block.
    expect(block.price).toBe(
      'سلة بسعر \u200f7\u00a0€ بدلاً من \u200f18\u00a0€. اشتراك العضوية: \u200f2\u00a0€ في السنة',
    );
    expect(block.seeFrench).toBe(true);
  });

  it('says nothing is missing in French when the partner wrote nothing of its own', async () => {
    const { words, format } = await language('en');
    const plain = aSheet({ accessNote: null, tarif: { type: 'gratuit' } });
    const hours = plain.hours;
    if (!hours) throw new Error('hours');
    const sheet = {
      ...plain,
      hours: { ...hours, note: null, temporary: [], next: hours.next.map((o) => ({ ...o, comment: null })) },
    };
    const block = blockInWords(sheet, words, format, NOW, false);
    expect(block.seeFrench).toBe(false);
    expect(block.price).toBe('Free');
  });

  it('says a share of the shop price in each language, and only the kind of price when the partner said it in words', async () => {
    const share = aSheet({
      tarif: {
        type: 'solidaire',
        pourcentage_min: 10,
        pourcentage_max: 30,
        precisions: '10 à 30 % du prix en magasin',
      },
    });
    const fr = await language('fr');
    const tr = await language('tr');
    // Stored before the amounts, the partner's « 10 à 30 % du prix en magasin » only repeats the share: said once.
    expect(blockInWords(share, fr.words, fr.format, NOW, true).price).toBe('10 à 30\u00a0% du prix en magasin');
    expect(blockInWords(share, tr.words, tr.format, NOW, false).price).toBe(
      'Mağaza fiyatının %10 – %30 kadarını ödersiniz',
    );
    const inWords = aSheet({
      accessNote: null,
      tarif: { type: 'solidaire', precisions: '1 € le repas, 3 € le colis' },
    });
    expect(blockInWords(inWords, fr.words, fr.format, NOW, true).price).toBe(
      'Prix solidaire : 1\u00a0€ le repas, 3\u00a0€ le colis',
    );
    const ti = await language('ti');
    const block = blockInWords(inWords, ti.words, ti.format, NOW, false);
    expect(block.price).toBe('ሕሱር ዋጋ');
    expect(block.seeFrench).toBe(true);
    // Tigrinya ends a sentence with its own full stop.
    const priced = aSheet({
      tarif: { type: 'payant', montant: 1, unite: 'repas', adhesion: { montant: 5, periode: 'mois' } },
    });
    expect(blockInWords(priced, ti.words, ti.format, NOW, false).price).toBe('ዋጋ ሓደ መግቢ: €1። ክፍሊት ኣባልነት: ኣብ ወርሒ €5');
  });

  it('says how the fiche de liaison travels, or that the person may go directly', async () => {
    const { words, format } = await language('fr');
    const welcome = (referral: PartnerSheet['referral']) =>
      blockInWords(aSheet({ referral }), words, format, NOW, true).welcome;
    const none = { fiche: null, onlyByReferral: false, appointment: false, registration: false } as const;
    expect(welcome({ ...none, fiche: 'brought' })).toEqual([
      'Une fiche de liaison est nécessaire : apportez-la, remplie par votre travailleur·se social·e.',
    ]);
    expect(welcome({ ...none, fiche: 'sent' })).toEqual([
      'Une fiche de liaison est nécessaire : votre travailleur·se social·e l’envoie.',
    ]);
    expect(welcome({ ...none, onlyByReferral: true, registration: true })).toEqual([
      'Sur orientation d’un ou d’une travailleuse sociale.',
      'Sur inscription.',
    ]);
    expect(welcome(none)).toEqual(['Vous pouvez y aller directement, sans orientation.']);
  });
});

describe('the text sent to the person', () => {
  it('gives, in the person’s language, each partner’s name, address, closures, next openings written out and phone', async () => {
    const { words, format } = await language('tr');
    const text = shareText(
      [aSheet(), aSheet({ serviceId: 's2', name: 'Colis du Moulin-à-Vent', phone: null, hours: null })],
      words,
      format,
      ' Amina ',
      NOW,
      false,
    );
    expect(text).toBe(
      [
        'Yiyecek bulabileceğiniz adresler',
        'Kime: Amina',
        'Bu sayfa 3 Kasım 2026 tarihinde hazırlandı.',
        '',
        'Épicerie sociale des Minguettes',
        '12 avenue Jean Cagne, 69200 Vénissieux',
        'Kapalı: 21 Aralık – 4 Ocak 2027.',
        'Sonraki açık günler',
        '- 3 Kasım Salı, 09:00\u00a0– 12:00',
        '- 4 Kasım Çarşamba, 14:00\u00a0– 17:00',
        '- 5 Kasım Perşembe, 09:00\u00a0– 12:00',
        '04 72 00 00 01',
        '',
        'Colis du Moulin-à-Vent',
        '12 avenue Jean Cagne, 69200 Vénissieux',
      ].join('\n'),
    );
  });

  it('in French, keeps the partner’s own words and says when nothing is known of the hours', async () => {
    const { words, format } = await language('fr');
    const sheet = aSheet({ hours: { temporary: [], next: [], week: [], note: null, reception: false } });
    const text = shareText([sheet], words, format, '', NOW, true);
    expect(text).toContain('Horaires non renseignés : appelez avant de venir.');
    expect(text).not.toContain('Pour ');
    expect(text.split('\n')[0]).toBe('Vos adresses pour l’alimentation');
  });
});
