// The amounts épiceries sociales decide on — a household's monthly resources and fixed charges — and the two figures
// they compute from them: the reste à vivre and the CAF quotient familial. Part of the profile, so it never leaves
// the device (src/domain/profile.ts); a referral carries a figure only when the partner's form asks for it.
//
// Formulas (tested with worked examples in budget.test.ts):
// - Reste à vivre per person per day = (monthly resources − monthly fixed charges) / persons in the household / 30,
//   as épiceries sociales of the ANDES and Banques alimentaires networks compute it to decide access (thresholds of
//   a few euros a day). Rounded to the cent, and compared rounded, as it is shown.
// - Quotient familial (CAF) = (taxable income of the year / 12 + the month's regular CAF benefits) / parts, rounded
//   to the euro. Benefits counted: every regular monthly benefit (allocations familiales, logement, RSA, AAH…),
//   never the one-off ones (allocation de rentrée scolaire, prime de naissance) — as the CAF and the municipalities
//   that reuse its QF describe it. Parts: 2 for the allocataire, alone or in couple; then each dependent child by
//   rank: 0.5 for the first and the second, 1 for the third, 0.5 for each further one; 0.5 more per disabled child
//   (AEEH). Caisses vary on details: the QF printed on the person's CAF attestation, when typed, is used as it is
//   and the estimate only when it is not.
// Without a taxable income typed, the estimate takes the month's salaries and pensions as the twelfth of the year's
// taxable income ("estimé" is said wherever it is shown); other resources are left out of it (their tax status is
// unknown) but count in the reste à vivre.
import * as z from 'zod/mini';

/** Euros per month. */
const euros = z.number().check(z.minimum(0), z.maximum(100_000));

export const budgetSchema = z.object({
  /** The household's monthly resources, by kind (€ per month); a kind left empty is unknown, 0 is none. */
  ressources: z.object({
    salaires: z.optional(euros),
    pensions: z.optional(euros),
    minima_sociaux: z.optional(euros),
    prestations_caf: z.optional(euros),
    autres: z.optional(euros),
  }),
  /** The household's fixed monthly charges (€ per month). */
  charges: z.object({
    loyer: z.optional(euros),
    energie: z.optional(euros),
    credits: z.optional(euros),
    assurances: z.optional(euros),
    autres: z.optional(euros),
  }),
  /** Taxable income of the year, from the avis d'imposition (€ per year): the QF estimate's income. */
  revenus_imposables_annuels: z.optional(z.number().check(z.minimum(0), z.maximum(10_000_000))),
  /** The QF printed on the CAF attestation: used as it is, instead of the estimate. */
  quotient_familial_caf: z.optional(z.number().check(z.minimum(0), z.maximum(100_000))),
});

export type Budget = z.infer<typeof budgetSchema>;
export type ResourceKind = keyof Budget['ressources'];
export type ChargeKind = keyof Budget['charges'];
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'salaires',
  'pensions',
  'minima_sociaux',
  'prestations_caf',
  'autres',
];
export const CHARGE_KINDS: readonly ChargeKind[] = ['loyer', 'energie', 'credits', 'assurances', 'autres'];

/** The month of the reste à vivre, as épiceries count it. */
export const DAYS_PER_MONTH = 30;

const cents = (x: number) => Math.round(x * 100) / 100;

/** (resources − charges) / persons / 30, in euros per person per day, rounded to the cent. */
export function resteAVivre(ressources: number, charges: number, personnes: number): number {
  return cents((ressources - charges) / personnes / DAYS_PER_MONTH);
}

/** Parts of a dependent child by rank (1-based): 0.5, 0.5, 1, then 0.5. */
const childPart = (rank: number) => (rank === 3 ? 1 : 0.5);

/** The CAF's parts: 2 for the allocataire (alone or in couple), the children by rank, 0.5 more per disabled child. */
export function partsCaf(enfants: number, enfantsHandicapes = 0): number {
  let parts = 2;
  for (let rank = 1; rank <= enfants; rank++) parts += childPart(rank);
  return parts + 0.5 * Math.min(enfantsHandicapes, enfants);
}

/** (taxable income of the year / 12 + the month's CAF benefits) / parts, rounded to the euro. */
export function quotientFamilial(revenusAnnuels: number, prestationsMois: number, parts: number): number {
  return Math.round((revenusAnnuels / 12 + prestationsMois) / parts);
}

export interface QfFigure {
  value: number;
  /** `caf`: typed from the attestation; `estimation`: computed here. */
  source: 'caf' | 'estimation';
  /** For the estimate: the month's taxable income, the month's benefits and the parts it used. */
  revenusMois: number | null;
  prestations: number | null;
  parts: number | null;
}

/** What the form shows and the matcher compares; null where the profile does not give enough. */
export interface BudgetFigures {
  /** Sum of the resources typed; null when none is. */
  ressources: number | null;
  /** Sum of the charges typed (0 when none is). */
  charges: number;
  /** Persons in the household (adults and children); null until the household is given. */
  personnes: number | null;
  resteAVivre: number | null;
  qf: QfFigure | null;
}

const sum = (values: readonly (number | undefined)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
const anyOf = (values: readonly (number | undefined)[]) => values.some((v) => v !== undefined);

export interface Household {
  adultes: number;
  ages_enfants: readonly number[];
  enfants_handicapes?: number | undefined;
}

export function budgetFigures(budget: Budget | undefined, foyer: Household | undefined): BudgetFigures {
  const r = budget?.ressources ?? {};
  const resources = RESOURCE_KINDS.map((k) => r[k]);
  const c = budget?.charges ?? {};
  const ressources = anyOf(resources) ? sum(resources) : null;
  const charges = sum(CHARGE_KINDS.map((k) => c[k]));
  const personnes = foyer ? foyer.adultes + foyer.ages_enfants.length : null;
  const rav = ressources !== null && personnes !== null ? resteAVivre(ressources, charges, personnes) : null;
  return { ressources, charges, personnes, resteAVivre: rav, qf: qfOf(budget, foyer) };
}

function qfOf(budget: Budget | undefined, foyer: Household | undefined): QfFigure | null {
  if (budget?.quotient_familial_caf !== undefined) {
    return { value: budget.quotient_familial_caf, source: 'caf', revenusMois: null, prestations: null, parts: null };
  }
  if (!budget || !foyer) return null;
  const r = budget.ressources;
  const annual = budget.revenus_imposables_annuels;
  const taxable = [r.salaires, r.pensions];
  const benefits = [r.minima_sociaux, r.prestations_caf];
  if (annual === undefined && !anyOf(taxable) && !anyOf(benefits)) return null;
  const revenusMois = annual !== undefined ? annual / 12 : sum(taxable);
  const prestations = sum(benefits);
  const parts = partsCaf(foyer.ages_enfants.length, foyer.enfants_handicapes);
  return {
    value: quotientFamilial(revenusMois * 12, prestations, parts),
    source: 'estimation',
    revenusMois: cents(revenusMois),
    prestations,
    parts,
  };
}
