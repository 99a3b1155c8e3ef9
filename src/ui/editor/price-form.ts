// The price part of the service form: the kind of price, the share of the shop price, the amounts (price
// paid, usual price, what it is paid for, membership and its period) and the partner's precisions, as the inputs
// hold them; turned into the record's `tarif` on save and into the sentence people will read as it is typed.
import { amountsText, ownPrecisions } from '../../domain/price-words.ts';
import type { Tarif } from '../../domain/service.ts';
import type { PERIODES_ADHESION, TARIFS, UNITES_PRIX } from '../../domain/vocabulary.ts';
import { frPrice } from './strings-price.ts';

export interface PriceForm {
  tarif_type: keyof typeof TARIFS;
  tarif_min: string;
  tarif_max: string;
  tarif_montant: string;
  tarif_reference: string;
  tarif_unite: '' | (typeof UNITES_PRIX)[number];
  tarif_adhesion: string;
  tarif_adhesion_periode: (typeof PERIODES_ADHESION)[number];
  tarif_precisions: string;
}

export const PRICE_PATHS = {
  tarif_type: 'tarif.type',
  tarif_min: 'tarif.pourcentage_min',
  tarif_max: 'tarif.pourcentage_max',
  tarif_montant: 'tarif.montant',
  tarif_reference: 'tarif.montant_reference',
  tarif_unite: 'tarif.unite',
  tarif_adhesion: 'tarif.adhesion.montant',
  tarif_adhesion_periode: 'tarif.adhesion.periode',
  tarif_precisions: 'tarif.precisions',
} as const satisfies Record<keyof PriceForm, string>;

type Errors = Record<string, string>;
const P = frPrice;

/** Amounts as the inputs show them: « 2,50 », « 7 ». */
const euros = (n: number | undefined) =>
  n === undefined ? '' : (Number.isInteger(n) ? String(n) : n.toFixed(2)).replace('.', ',');

export function priceFormOf(tarif: Tarif): PriceForm {
  const amounts: Omit<Partial<Extract<Tarif, { type: 'payant' }>>, 'type'> = tarif.type === 'gratuit' ? {} : tarif;
  const share: Partial<Extract<Tarif, { type: 'solidaire' }>> = tarif.type === 'solidaire' ? tarif : {};
  return {
    tarif_type: tarif.type,
    tarif_min: share.pourcentage_min === undefined ? '' : String(share.pourcentage_min),
    tarif_max: share.pourcentage_max === undefined ? '' : String(share.pourcentage_max),
    tarif_montant: euros(amounts.montant),
    tarif_reference: euros(amounts.montant_reference),
    tarif_unite: amounts.unite ?? '',
    tarif_adhesion: euros(amounts.adhesion?.montant),
    tarif_adhesion_periode: amounts.adhesion?.periode ?? 'an',
    // Precisions that only repeat the amounts were written by the app: the partner sees the field empty.
    tarif_precisions: ownPrecisions(tarif) ?? '',
  };
}

function number(text: string, path: string, errors: Errors | null, max: number, message: string) {
  const t = text.trim().replace(/\s/g, '').replace(',', '.').replace(/€$/, '');
  if (t === '') return undefined;
  const n = Number(t);
  const valid = Number.isFinite(n) && n >= 0 && n <= max && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
  if (!valid && errors) errors[path] = message;
  return valid ? n : undefined;
}

/**
 * The record's `tarif` from the form. Problems of one input (a number that is not one) go into `errors`, keyed by
 * the schema path; those between fields (a price paid above the usual price) are the schema's. With `errors`
 * null, as for the preview, what cannot be read is left out.
 */
export function tarifOf(v: PriceForm, errors: Errors | null): Tarif {
  const type = v.tarif_type;
  if (type === 'gratuit') return compact({ type, precisions: v.tarif_precisions.trim() || undefined }) as Tarif;
  const amount = (key: keyof PriceForm) => number(v[key], PRICE_PATHS[key], errors, 10000, P.amountInvalid);
  const percent = (key: keyof PriceForm) => number(v[key], PRICE_PATHS[key], errors, 100, P.percentInvalid);
  const solidaire = type === 'solidaire';
  const min = solidaire ? percent('tarif_min') : undefined;
  const max = solidaire ? percent('tarif_max') : undefined;
  if (errors && min !== undefined && max !== undefined && min > max) errors[PRICE_PATHS.tarif_max] ??= P.percentOrder;
  const montant = amount('tarif_montant');
  const adhesion = amount('tarif_adhesion');
  const tarif = compact({
    type,
    pourcentage_min: min,
    pourcentage_max: max,
    montant,
    montant_reference: amount('tarif_reference'),
    // What the price is paid for says nothing without the price.
    unite: montant === undefined ? undefined : v.tarif_unite || undefined,
    adhesion: adhesion === undefined ? undefined : { montant: adhesion, periode: v.tarif_adhesion_periode },
    precisions: v.tarif_precisions.trim() || undefined,
  }) as Tarif & { type: 'solidaire' | 'payant' };
  if (tarif.type !== 'solidaire' || tarif.precisions !== undefined) return tarif;
  // A solidarity price always has precisions (apps from before the amounts require them): the amounts in words
  // when the partner wrote nothing more, else the partner is asked to say the price.
  const said = amountsText(tarif);
  if (said) return { ...tarif, precisions: said };
  if (errors) errors[PRICE_PATHS.tarif_precisions] = P.precisionsMissing;
  return tarif;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as T;
}
