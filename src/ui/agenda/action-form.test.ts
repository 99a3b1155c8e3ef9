// The action form's frequencies become RRULEs anchored on the first date, and back; an action "hors les murs"
// needs its commune; problems of the schema land on the fields that caused them.
import { describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { checkActionForm, emptyActionForm, formOfAction, frequencyOf, rruleOf } from './action-form.ts';

const base = { id: 'boussole--action-1', source: 'boussole', version: 1, date_maj: '2026-11-24' };

describe('the action form', () => {
  it('writes weekly, fortnightly and monthly (2nd Tuesday) rules on the first date’s weekday', () => {
    // 10 November 2026 is the second Tuesday of the month.
    expect(rruleOf('hebdomadaire', '2026-11-10')).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(rruleOf('toutes-les-2-semaines', '2026-11-10')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    expect(rruleOf('mensuelle', '2026-11-10')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(rruleOf('ponctuelle', '2026-11-10')).toBeUndefined();
    expect(frequencyOf('FREQ=MONTHLY;BYDAY=2TU')).toBe('mensuelle');
    expect(frequencyOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')).toBe('toutes-les-2-semaines');
  });

  it('round-trips a stored action', () => {
    const action = anAction(1, 1);
    const checked = checkActionForm(formOfAction(action), action);
    expect(checked).toEqual({ ok: true, action });
  });

  it('an address elsewhere needs its address and commune; errors land on those fields', () => {
    const form = { ...emptyActionForm('test--s1', '2026-11-24'), type: 'marche' as const, titre: 'Marché' };
    const checked = checkActionForm({ ...form, atOrganiser: false }, base);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(['adresse', 'code_insee']);
    const fine = checkActionForm(
      { ...form, atOrganiser: false, adresse: 'Place du marché', code_insee: '69259' },
      base,
    );
    expect(fine.ok && fine.action.lieu).toEqual({
      type: 'adresse',
      adresse: 'Place du marché',
      commune: 'Vénissieux',
      code_insee: '69259',
    });
  });
});
