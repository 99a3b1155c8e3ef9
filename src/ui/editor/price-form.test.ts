// The price inputs become the record's `tarif`: amounts as partners type them (« 2,50 », « 7 € »), nothing kept
// that the kind of price or a missing amount makes meaningless, and a solidarity price always says itself.
import { describe, expect, it } from 'vitest';
import type { Tarif } from '../../domain/service.ts';
import { type PriceForm, priceFormOf, tarifOf } from './price-form.ts';

const form = (patch: Partial<PriceForm>): PriceForm => ({ ...priceFormOf({ type: 'gratuit' }), ...patch });

describe('the price form', () => {
  it('reads amounts as partners type them', () => {
    const errors = {};
    expect(tarifOf(form({ tarif_type: 'payant', tarif_montant: ' 7 € ', tarif_unite: 'repas' }), errors)).toEqual({
      type: 'payant',
      montant: 7,
      unite: 'repas',
    });
    expect(
      tarifOf(form({ tarif_type: 'payant', tarif_adhesion: '2,5', tarif_adhesion_periode: 'mois' }), errors),
    ).toEqual({ type: 'payant', adhesion: { montant: 2.5, periode: 'mois' } });
    expect(errors).toEqual({});
  });

  it('drops what means nothing: amounts of a free service, a unit without a price', () => {
    expect(tarifOf(form({ tarif_type: 'gratuit', tarif_montant: '3', tarif_adhesion: '2' }), {})).toEqual({
      type: 'gratuit',
    });
    expect(tarifOf(form({ tarif_type: 'payant', tarif_unite: 'panier' }), {})).toEqual({ type: 'payant' });
  });

  it('names the input of an amount it cannot read', () => {
    const errors: Record<string, string> = {};
    tarifOf(
      form({ tarif_type: 'payant', tarif_montant: 'sept', tarif_reference: '-2', tarif_adhesion: '1,005' }),
      errors,
    );
    expect(Object.keys(errors).sort()).toEqual(['tarif.adhesion.montant', 'tarif.montant', 'tarif.montant_reference']);
  });

  it('gives a solidarity price its sentence when the partner wrote none, and asks when there is nothing to say', () => {
    const errors: Record<string, string> = {};
    const share = tarifOf(form({ tarif_type: 'solidaire', tarif_min: '42', tarif_max: '42' }), errors);
    expect(share).toEqual({
      type: 'solidaire',
      pourcentage_min: 42,
      pourcentage_max: 42,
      precisions: '42\u00a0% du prix en magasin',
    });
    expect(errors).toEqual({});
    tarifOf(form({ tarif_type: 'solidaire' }), errors);
    expect(Object.keys(errors)).toEqual(['tarif.precisions']);
  });

  it('gives back the same record it was made from', () => {
    const tarif: Tarif = {
      type: 'solidaire',
      pourcentage_min: 10,
      pourcentage_max: 30,
      montant: 2.5,
      montant_reference: 6,
      unite: 'kilo',
      adhesion: { montant: 5, periode: 'an' },
      precisions: 'Pour 6 mois, renouvelable',
    };
    expect(tarifOf(priceFormOf(tarif), {})).toEqual(tarif);
  });
});
