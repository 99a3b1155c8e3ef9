import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../domain/profile.ts';
import { parse } from '../../domain/validation.ts';
import { communeOfText, communeSuggestions, EMPTY_DRAFT, profileOf } from './profile-draft.ts';

describe('the profile draft', () => {
  it('recognises a commune by its name with or without accents, its postal code, or "Lyon 3"', () => {
    expect(communeOfText('Vénissieux')?.code_insee).toBe('69259');
    expect(communeOfText('venissieux')?.code_insee).toBe('69259');
    expect(communeOfText('69200')?.code_insee).toBe('69259');
    expect(communeOfText('Lyon 3')?.code_insee).toBe('69383');
    expect(communeOfText('lyon 1er')?.code_insee).toBe('69381');
    expect(communeOfText('Lyon')).toBeUndefined();
    expect(communeOfText('Paris')).toBeUndefined();
  });

  it('suggests communes from the first letters of any word of their name', () => {
    expect(communeSuggestions('vénis').map((c) => c.nom)).toEqual(['Vénissieux']);
    expect(communeSuggestions('saint').length).toBe(6);
    expect(communeSuggestions('lyon', 9).map((c) => c.code_insee)).toEqual([
      '69381',
      '69382',
      '69383',
      '69384',
      '69385',
      '69386',
      '69387',
      '69388',
      '69389',
    ]);
    expect(communeSuggestions('foy').map((c) => c.nom)).toEqual(['Sainte-Foy-lès-Lyon']);
  });

  it('leaves out what was not answered, and gives a profile the domain schema accepts', () => {
    expect(profileOf(EMPTY_DRAFT)).toEqual({ besoins: [] });
    const profile = profileOf({
      ...EMPTY_DRAFT,
      commune: '69259',
      communeText: 'Vénissieux',
      adults: 2,
      ages: [4, 7, 12],
      ressources: 'minima-sociaux',
      mobilite: 'transports',
      distanceMaxKm: 5,
      qpv: 'qndemo01',
      besoins: ['aide-alimentaire'],
    });
    expect(profile).toEqual({
      lieu: { code_insee: '69259', code_qpv: 'QNDEMO01' },
      foyer: { adultes: 2, ages_enfants: [4, 7, 12] },
      ressources: 'minima-sociaux',
      mobilite: { mode: 'transports', distance_max_km: 5 },
      besoins: ['aide-alimentaire'],
    });
    expect(parse(profileSchema, profile).ok).toBe(true);
  });

  it('counts the household only once every child has an age, and prefers a GPS position to the commune', () => {
    expect(profileOf({ ...EMPTY_DRAFT, adults: 1, ages: [3, null] }).foyer).toBeUndefined();
    const position = { latitude: 45.7, longitude: 4.88 };
    expect(profileOf({ ...EMPTY_DRAFT, commune: '69259', position }).lieu).toEqual({ position });
  });
});
