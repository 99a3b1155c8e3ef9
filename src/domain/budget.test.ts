// The reste à vivre and the quotient familial, on worked examples a worker can redo by hand (src/domain/budget.ts
// states the formulas and their sources).
import { describe, expect, it } from 'vitest';
import { budgetFigures, partsCaf, quotientFamilial, resteAVivre } from './budget.ts';
import { profileSchema } from './profile.ts';
import { parse } from './validation.ts';

describe('reste à vivre per person per day = (resources − fixed charges) / persons / 30', () => {
  it('a single parent with two children: (1 250 − 692) / 3 / 30 = 6,20 €', () => {
    expect(resteAVivre(1250, 692, 3)).toBe(6.2);
  });

  it('rounds to the cent: (1 400 − 700) / 3 / 30 = 7,777… → 7,78 €', () => {
    expect(resteAVivre(1400, 700, 3)).toBe(7.78);
  });

  it('is negative when the charges exceed the resources: (600 − 750) / 1 / 30 = −5,00 €', () => {
    expect(resteAVivre(600, 750, 1)).toBe(-5);
  });
});

describe('CAF parts: 2 for the allocataire, 0.5 / 0.5 / 1 / then 0.5 per child, 0.5 more per disabled child', () => {
  it.each([
    [0, 0, 2],
    [1, 0, 2.5],
    [2, 0, 3],
    [3, 0, 4],
    [4, 0, 4.5],
    [5, 0, 5],
    [2, 1, 3.5],
    // A disabled child counts once more, never more disabled children than children.
    [1, 3, 3],
  ])('%i children of whom %i disabled: %f parts', (children, disabled, parts) => {
    expect(partsCaf(children, disabled)).toBe(parts);
  });
});

describe('quotient familial = (taxable income of the year / 12 + the month’s CAF benefits) / parts', () => {
  it('a couple with three children: (18 000 / 12 + 420) / 4 = 480 €', () => {
    expect(quotientFamilial(18_000, 420, 4)).toBe(480);
  });

  it('rounds to the euro: (10 000 / 12 + 250) / 2.5 = 433,33… → 433 €', () => {
    expect(quotientFamilial(10_000, 250, 2.5)).toBe(433);
  });
});

describe('the figures of a profile', () => {
  const foyer = { adultes: 1, ages_enfants: [4, 9] };

  it('computes both from the amounts typed, and says how', () => {
    const f = budgetFigures(
      {
        ressources: { salaires: 900, prestations_caf: 350 },
        charges: { loyer: 520, energie: 90, assurances: 32, autres: 50 },
      },
      foyer,
    );
    expect(f).toEqual({
      ressources: 1250,
      charges: 692,
      personnes: 3,
      resteAVivre: 6.2,
      // (900 + 350) / 3 parts = 416,67 → 417
      qf: { value: 417, source: 'estimation', revenusMois: 900, prestations: 350, parts: 3 },
    });
  });

  it('takes the taxable income of the avis d’imposition over the month’s salaries when given', () => {
    const f = budgetFigures(
      { ressources: { salaires: 900, prestations_caf: 350 }, charges: {}, revenus_imposables_annuels: 9_600 },
      foyer,
    );
    // (9 600 / 12 + 350) / 3 = 383,33 → 383
    expect(f.qf).toMatchObject({ value: 383, revenusMois: 800 });
  });

  it('uses the QF of the CAF attestation as it is, even without a household', () => {
    const f = budgetFigures({ ressources: {}, charges: {}, quotient_familial_caf: 512 }, undefined);
    expect(f.qf).toEqual({ value: 512, source: 'caf', revenusMois: null, prestations: null, parts: null });
  });

  it('gives nothing it cannot compute: no resource typed, or no household', () => {
    expect(budgetFigures({ ressources: {}, charges: { loyer: 400 } }, foyer)).toMatchObject({
      ressources: null,
      resteAVivre: null,
      qf: null,
    });
    expect(budgetFigures({ ressources: { salaires: 1000 }, charges: {} }, undefined)).toMatchObject({
      ressources: 1000,
      personnes: null,
      resteAVivre: null,
      qf: null,
    });
  });

  it('counts 0 € typed as a known resource (sans ressources), not as unknown', () => {
    const f = budgetFigures({ ressources: { autres: 0 }, charges: { loyer: 300 } }, { adultes: 1, ages_enfants: [] });
    expect(f.resteAVivre).toBe(-10);
  });
});

describe('the profile schema', () => {
  it('accepts amounts, employment and disability, and refuses negative amounts and too many disabled children', () => {
    const ok = parse(profileSchema, {
      besoins: [],
      foyer: { adultes: 2, ages_enfants: [3], enfants_handicapes: 1 },
      budget: { ressources: { salaires: 1200.5 }, charges: { loyer: 450 }, quotient_familial_caf: 610 },
      emploi: 'demandeur-emploi',
      handicap: true,
      reconnaissances_handicap: ['rqth', 'aah'],
    });
    expect(ok.ok).toBe(true);
    const bad = parse(profileSchema, {
      besoins: [],
      foyer: { adultes: 1, ages_enfants: [3], enfants_handicapes: 2 },
      budget: { ressources: { salaires: -10 }, charges: {} },
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual([
      'foyer.enfants_handicapes',
      'budget.ressources.salaires',
    ]);
  });
});
