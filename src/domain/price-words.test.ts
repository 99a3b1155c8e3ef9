// A price reads as a person says it: amounts when the partner gave them, « 42 % » and never « 42 à 42 % », the
// share of the shop price only when that is all there is, else the partner's own sentence.
import { describe, expect, it } from 'vitest';
import { amountsText, type PriceWords, priceDetails, priceLines, priceText } from './price-words.ts';
import type { Tarif } from './service.ts';

/** Spaces as a reader sees them: the non-breaking ones keep « 7 » and « € » on one line. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const lines = (t: Tarif) => priceLines(t).map(plain);

describe('a price in French', () => {
  it('says a free service is free, with the partner’s words when there are some', () => {
    expect(lines({ type: 'gratuit' })).toEqual(['Gratuit']);
    expect(lines({ type: 'gratuit', precisions: 'Participation libre aux frais' })).toEqual([
      'Gratuit : Participation libre aux frais',
    ]);
  });

  it('says the amount paid, what for, and instead of what', () => {
    const panier: Tarif = { type: 'solidaire', montant: 7, montant_reference: 18, unite: 'panier', precisions: 'x' };
    expect(lines({ ...panier, precisions: 'Le reste est pris en charge par le fonds solidaire' })).toEqual([
      'Panier à 7 € au lieu de 18 €',
      'Le reste est pris en charge par le fonds solidaire',
    ]);
    expect(lines({ type: 'solidaire', montant: 1, unite: 'repas', precisions: 'Sur orientation' })[0]).toBe(
      'Repas à 1 €',
    );
    expect(lines({ type: 'payant', montant: 2.5, unite: 'passage' })).toEqual(['2,50 € par passage']);
    expect(lines({ type: 'payant', montant: 1.5, montant_reference: 4, unite: 'kilo' })).toEqual([
      '1,50 € le kilo au lieu de 4 €',
    ]);
    expect(lines({ type: 'payant', montant: 15, unite: 'semaine' })).toEqual(['15 € par semaine']);
    expect(lines({ type: 'payant', montant: 12 })).toEqual(['12 €']);
    expect(lines({ type: 'payant', montant: 3.5, unite: 'seance' })).toEqual(['Séance à 3,50 €']);
    expect(lines({ type: 'payant', montant: 2, unite: 'colis' })).toEqual(['Colis à 2 €']);
  });

  it('prefers the amounts to the share of the shop price they were computed from', () => {
    const t: Tarif = {
      type: 'solidaire',
      pourcentage_min: 42,
      pourcentage_max: 42,
      montant: 5,
      montant_reference: 12,
      unite: 'panier',
      precisions: 'Panier à 5 € au lieu de 12 €',
    };
    expect(lines(t)).toEqual(['Panier à 5 € au lieu de 12 €']);
  });

  it('says « 42 % », not « 42 à 42 % », and the share only when that is all that is known', () => {
    const share = (min?: number, max?: number): Tarif => ({
      type: 'solidaire',
      ...(min === undefined ? {} : { pourcentage_min: min }),
      ...(max === undefined ? {} : { pourcentage_max: max }),
      precisions: 'Sur orientation',
    });
    expect(lines(share(42, 42))[0]).toBe('42 % du prix en magasin');
    expect(lines(share(10, 30))[0]).toBe('10 à 30 % du prix en magasin');
    expect(lines(share(10))[0]).toBe('À partir de 10 % du prix en magasin');
    expect(lines(share(undefined, 30))[0]).toBe('Jusqu’à 30 % du prix en magasin');
    expect(lines(share(12.5, 30))[0]).toBe('12,5 à 30 % du prix en magasin');
    for (const t of [share(42, 42), share(10, 30)]) expect(plain(priceText(t))).not.toMatch(/(\d+) à \1 %/);
  });

  it('says a membership with its period', () => {
    expect(lines({ type: 'payant', adhesion: { montant: 2, periode: 'mois' } })).toEqual(['Adhésion 2 € par mois']);
    expect(lines({ type: 'payant', adhesion: { montant: 5, periode: 'an' } })).toEqual(['Adhésion 5 € par an']);
    expect(lines({ type: 'payant', adhesion: { montant: 10, periode: 'unique' } })).toEqual([
      'Adhésion 10 € (une seule fois)',
    ]);
    const epicerie: Tarif = {
      type: 'solidaire',
      pourcentage_min: 10,
      pourcentage_max: 30,
      adhesion: { montant: 2.5, periode: 'an' },
      precisions: 'Sur orientation',
    };
    expect(plain(priceText(epicerie))).toBe('10 à 30 % du prix en magasin. Adhésion 2,50 € par an. Sur orientation');
  });

  it('says the partner’s sentence with the kind of price when no amount is known', () => {
    expect(lines({ type: 'solidaire', precisions: 'Participation de 1 € par passage' })).toEqual([
      'Prix solidaire : Participation de 1 € par passage',
    ]);
    expect(lines({ type: 'payant' })).toEqual(['Payant']);
    expect(lines({ type: 'payant', precisions: 'Selon le quotient familial' })).toEqual([
      'Payant : Selon le quotient familial',
    ]);
  });

  it('does not repeat precisions that only say the amounts again', () => {
    const t: Tarif = {
      type: 'solidaire',
      montant: 7,
      unite: 'panier',
      adhesion: { montant: 2, periode: 'mois' },
      precisions: '',
    };
    const filled = { ...t, precisions: amountsText(t) };
    expect(plain(filled.precisions)).toBe('Panier à 7 €. Adhésion 2 € par mois');
    expect(lines(filled)).toEqual(['Panier à 7 €', 'Adhésion 2 € par mois']);
    expect(priceDetails({ type: 'gratuit' })).toEqual([]);
    // Stored before the amounts, a share said in the partner's words is not said twice either.
    const before: Tarif = {
      type: 'solidaire',
      pourcentage_min: 10,
      pourcentage_max: 30,
      precisions: '10 à 30\u00a0% du prix en magasin',
    };
    expect(lines(before)).toEqual(['10 à 30 % du prix en magasin']);
  });

  it('keeps amounts and percentages on one line with non-breaking spaces, the partner’s words too', () => {
    expect(priceText({ type: 'payant', montant: 7, unite: 'panier' })).toBe('Panier à 7\u00a0€');
    expect(
      priceLines({ type: 'payant', montant: 1, unite: 'repas', precisions: '8 € pour les autres, 10 % de remise' }),
    ).toEqual(['Repas à 1\u00a0€', '8\u00a0€ pour les autres, 10\u00a0% de remise']);
    expect(priceText({ type: 'solidaire', pourcentage_min: 42, pourcentage_max: 42, precisions: 'x' })).toMatch(
      /^42\u00a0% du prix en magasin/,
    );
  });
});

describe('a price in another language', () => {
  it('is said with the dictionary it is given; the partner’s own words stay as written', () => {
    const en: PriceWords = {
      types: { gratuit: 'Free', solidaire: 'Solidarity price', payant: 'Paid' },
      euros: (n) => `€${n.toFixed(Number.isInteger(n) ? 0 : 2)}`,
      amount: (paid, unit) => (unit === 'panier' ? `Basket for ${paid}` : paid),
      insteadOf: (amount, reference) => `${amount} instead of ${reference}`,
      share: (min, max) => `${min}–${max}% of the shop price`,
      membership: (amount, period) => `Membership ${amount} ${period === 'an' ? 'a year' : period}`,
      labelled: (label, text) => `${label}: ${text}`,
      join: (s) => s.join('. '),
    };
    const t: Tarif = {
      type: 'solidaire',
      montant: 7,
      montant_reference: 18,
      unite: 'panier',
      adhesion: { montant: 2.5, periode: 'an' },
      precisions: 'Sur orientation',
    };
    expect(priceLines(t, en)).toEqual(['Basket for €7 instead of €18', 'Membership €2.50 a year', 'Sur orientation']);
    expect(priceText({ type: 'gratuit' }, en)).toBe('Free');
    // Without the partner's words (a handout block in the person's language): the amounts, else the kind of price.
    expect(priceLines(t, en, false)).toEqual(['Basket for €7 instead of €18', 'Membership €2.50 a year']);
    expect(priceText({ type: 'solidaire', precisions: 'Sur orientation' }, en, false)).toBe('Solidarity price');
  });
});
