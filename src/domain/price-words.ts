// A price as a person says it: « Panier à 7 € au lieu de 18 € », « Adhésion 2 € par mois », « 42 % du prix en
// magasin » — amounts when the partner gave them, the share of the shop price only when that is all there is,
// else the partner's own sentence. Pure, because the partner sheet, the results, the handout and the
// data·inclusion export (`frais_precisions`) all say it the same way. The words are a small dictionary
// (`PriceWords`) so that the handout can say a price in the person's language; French is PRICE_WORDS_FR.
import type { Tarif } from './service.ts';
import { type PERIODES_ADHESION, TARIFS, type UNITES_PRIX } from './vocabulary.ts';

export type UnitePrix = (typeof UNITES_PRIX)[number];
export type PeriodeAdhesion = (typeof PERIODES_ADHESION)[number];

export interface PriceWords {
  /** The kind of price, said alone when nothing more is known: « Gratuit », « Prix solidaire », « Payant ». */
  types: Readonly<Record<Tarif['type'], string>>;
  /** « 7 € », « 2,50 € ». */
  euros(amount: number): string;
  /** « Panier à 7 € », « 1 € par passage »; the amount alone without a unit. */
  amount(paid: string, unit: UnitePrix | undefined): string;
  /** « Panier à 7 € au lieu de 18 € ». */
  insteadOf(amount: string, reference: string): string;
  /** « 42 % du prix en magasin », « 10 à 30 % du prix en magasin »; at least one bound is given. */
  share(min: number | undefined, max: number | undefined): string;
  /** « Adhésion 2 € par mois ». */
  membership(amount: string, period: PeriodeAdhesion): string;
  /** « Prix solidaire : participation de 1 € par passage ». */
  labelled(label: string, text: string): string;
  /** Sentences as one text: « Panier à 7 €. Adhésion 2 € par an ». */
  join(sentences: readonly string[]): string;
}

const NBSP = '\u00a0';
let whole: Intl.NumberFormat | undefined;
let cents: Intl.NumberFormat | undefined;
let decimal: Intl.NumberFormat | undefined;

const AMOUNT_FR: Readonly<Record<UnitePrix, (paid: string) => string>> = {
  panier: (p) => `Panier à ${p}`,
  repas: (p) => `Repas à ${p}`,
  colis: (p) => `Colis à ${p}`,
  seance: (p) => `Séance à ${p}`,
  passage: (p) => `${p} par passage`,
  kilo: (p) => `${p} le kilo`,
  semaine: (p) => `${p} par semaine`,
  mois: (p) => `${p} par mois`,
};
const PERIOD_FR: Readonly<Record<PeriodeAdhesion, string>> = {
  mois: 'par mois',
  an: 'par an',
  unique: '(une seule fois)',
};

export const PRICE_WORDS_FR: PriceWords = {
  types: TARIFS,
  euros(amount) {
    // Formatters are made on first use: building one costs milliseconds the first screen does not need to spend.
    whole ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
    cents ??= new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${(Number.isInteger(amount) ? whole : cents).format(amount)}${NBSP}€`;
  },
  amount: (paid, unit) => (unit ? AMOUNT_FR[unit](paid) : paid),
  insteadOf: (amount, reference) => `${amount} au lieu de ${reference}`,
  share(min, max) {
    decimal ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
    const pc = (n: number) => `${(decimal as Intl.NumberFormat).format(n)}${NBSP}%`;
    if (min !== undefined && max !== undefined) {
      return min === max
        ? `${pc(min)} du prix en magasin`
        : `${(decimal as Intl.NumberFormat).format(min)} à ${pc(max)} du prix en magasin`;
    }
    return min !== undefined
      ? `À partir de ${pc(min)} du prix en magasin`
      : `Jusqu’à ${pc(max ?? 0)} du prix en magasin`;
  },
  membership: (amount, period) => `Adhésion ${amount} ${PERIOD_FR[period]}`,
  labelled: (label, text) => `${label} : ${text}`,
  join: sentences('.'),
};

/** Sentences as one text, each but the last closed by `stop` (« . », Tigrinya « ። ») unless it already is. */
export function sentences(stop: string): PriceWords['join'] {
  return (list) => list.map((s, i) => (i === list.length - 1 || /[.!?…።؟]$/.test(s) ? s : `${s}${stop}`)).join(' ');
}

/** What the amounts say, one sentence each: the price paid (else the share of the shop price), the membership. */
function amountLines(tarif: Tarif, w: PriceWords): string[] {
  if (tarif.type === 'gratuit') return [];
  const lines: string[] = [];
  if (tarif.montant !== undefined) {
    const amount = w.amount(w.euros(tarif.montant), tarif.unite);
    lines.push(tarif.montant_reference === undefined ? amount : w.insteadOf(amount, w.euros(tarif.montant_reference)));
  } else if (
    tarif.type === 'solidaire' &&
    (tarif.pourcentage_min !== undefined || tarif.pourcentage_max !== undefined)
  ) {
    lines.push(w.share(tarif.pourcentage_min, tarif.pourcentage_max));
  }
  if (tarif.adhesion) lines.push(w.membership(w.euros(tarif.adhesion.montant), tarif.adhesion.periode));
  return lines;
}

/** The amounts as one French text, '' when there are none: what a solidarity price's `precisions` holds when the
 * partner wrote nothing more (apps from before the amounts, and data·inclusion readers, then still read the price). */
export function amountsText(tarif: Tarif): string {
  return PRICE_WORDS_FR.join(amountLines(tarif, PRICE_WORDS_FR));
}

/** The partner's own words about the price, unless they only repeat the amounts (see `amountsText`). */
export function ownPrecisions(tarif: Tarif): string | undefined {
  const text = tarif.precisions;
  // Typed by a person, the same words may come with ordinary spaces where the app writes non-breaking ones.
  const words = (s: string) => s.replace(/[\s.]+/g, ' ').trim();
  return text === undefined || words(text) === words(amountsText(tarif)) ? undefined : text;
}

/** The amounts and the partner's own words, without the kind of price: empty when neither is given. */
export function priceDetails(tarif: Tarif, words: PriceWords = PRICE_WORDS_FR): string[] {
  // « 8 € » typed with an ordinary space would break between the figure and the sign on a phone.
  const own = ownPrecisions(tarif)?.replace(/(\d) ([€%])/g, `$1${NBSP}$2`);
  return [...amountLines(tarif, words), ...(own ? [own] : [])];
}

/**
 * The price in sentences, for the partner sheet: the amounts and the partner's words, or the kind of price.
 * Without `ownWords`, the partner's words are left out (a handout block in the person's language: the partner wrote
 * in French, and the French block beside prints them).
 */
export function priceLines(tarif: Tarif, words: PriceWords = PRICE_WORDS_FR, ownWords = true): string[] {
  const details = ownWords ? priceDetails(tarif, words) : amountLines(tarif, words);
  const label = words.types[tarif.type];
  if (details.length === 0) return [label];
  // Only the partner's words: they are said with the kind of price (« Prix solidaire : participation de 1 € »).
  return amountLines(tarif, words).length === 0 ? [words.labelled(label, details[0] as string)] : details;
}

/** The price as one text, for a result, the handout and `frais_precisions`. */
export function priceText(tarif: Tarif, words: PriceWords = PRICE_WORDS_FR, ownWords = true): string {
  return words.join(priceLines(tarif, words, ownWords));
}
