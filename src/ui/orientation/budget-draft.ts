// The amounts of the orientation form as the worker types them (text: « 1 250,50 », « 450 € »), each one checked
// on its own so that a wrong entry gets its message next to its field, and the profile's budget built from the
// valid ones only (a wrong entry counts as not given, never as 0).
import type { Budget, ChargeKind, ResourceKind } from '../../domain/budget.ts';

export type AmountKey =
  | `ressources.${ResourceKind}`
  | `charges.${ChargeKind}`
  | 'revenus_imposables_annuels'
  | 'quotient_familial_caf';

export const RESOURCE_KEYS = [
  'ressources.salaires',
  'ressources.pensions',
  'ressources.minima_sociaux',
  'ressources.prestations_caf',
  'ressources.autres',
] as const satisfies readonly AmountKey[];
export const CHARGE_KEYS = [
  'charges.loyer',
  'charges.energie',
  'charges.credits',
  'charges.assurances',
  'charges.autres',
] as const satisfies readonly AmountKey[];
export const AMOUNT_KEYS: readonly AmountKey[] = [
  ...RESOURCE_KEYS,
  ...CHARGE_KEYS,
  'revenus_imposables_annuels',
  'quotient_familial_caf',
];

/** Upper bounds, as the profile schema has them (src/domain/budget.ts). */
export const AMOUNT_MAX: Record<AmountKey, number> = Object.fromEntries(
  AMOUNT_KEYS.map((k) => [k, k === 'revenus_imposables_annuels' ? 10_000_000 : 100_000]),
) as Record<AmountKey, number>;

export type Amounts = Readonly<Record<AmountKey, string>>;
export const EMPTY_AMOUNTS: Amounts = Object.freeze(
  Object.fromEntries(AMOUNT_KEYS.map((k) => [k, ''])) as Record<AmountKey, string>,
);

export type AmountProblem = 'invalid' | 'negative' | 'too-large';
export type Parsed = { value: number | null; problem: AmountProblem | null };

const EMPTY: Parsed = { value: null, problem: null };

/**
 * A typed amount in euros: spaces (thousands), a trailing « € » and a decimal comma are accepted; at most two
 * decimals. Empty is "not given", not a problem.
 */
export function parseAmount(text: string, max: number): Parsed {
  const t = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(',', '.');
  if (t === '') return EMPTY;
  if (!/^[-+]?\d+(\.\d{0,2})?$/.test(t) && !/^[-+]?\.\d{1,2}$/.test(t)) return { value: null, problem: 'invalid' };
  const n = Number(t);
  if (n < 0) return { value: null, problem: 'negative' };
  if (n > max) return { value: null, problem: 'too-large' };
  return { value: n, problem: null };
}

export const amountOf = (amounts: Amounts, key: AmountKey): Parsed => parseAmount(amounts[key], AMOUNT_MAX[key]);

/** The profile's budget from the valid amounts; undefined when none is given. */
export function budgetOf(amounts: Amounts): Budget | undefined {
  const budget: Budget = { ressources: {}, charges: {} };
  let any = false;
  for (const key of AMOUNT_KEYS) {
    const { value } = amountOf(amounts, key);
    if (value === null) continue;
    any = true;
    const [group, kind] = key.split('.') as [string, string | undefined];
    if (group === 'ressources') budget.ressources[kind as ResourceKind] = value;
    else if (group === 'charges') budget.charges[kind as ChargeKind] = value;
    else budget[key as 'revenus_imposables_annuels' | 'quotient_familial_caf'] = value;
  }
  return any ? budget : undefined;
}

/** A whole count typed (disabled children), within 0..max; null when empty or wrong. */
export function parseCount(text: string, max: number): Parsed {
  const t = text.trim();
  if (t === '') return EMPTY;
  if (!/^\d+$/.test(t) || Number(t) > max) return { value: null, problem: 'invalid' };
  return { value: Number(t), problem: null };
}
