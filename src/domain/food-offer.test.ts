import { describe, expect, it } from 'vitest';
import { aService } from '../../tests/fixtures/records.ts';
import { offreAlimentaireSchema } from './food-offer.ts';
import { qualitesOf } from './food-quality.ts';
import { serviceSchema } from './service.ts';
import { parse } from './validation.ts';

describe('what the food of a service is like', () => {
  it('is optional: a service written before it still parses', () => {
    const service = aService(1, 1);
    expect('offre_alimentaire' in service).toBe(false);
    expect(parse(serviceSchema, service).ok).toBe(true);
  });

  it('keeps a declared offer through the service schema', () => {
    const offre = { produits: ['fruits-legumes-frais', 'bio'], choix: 'libre', modes: ['libre-service'] };
    const parsed = parse(serviceSchema, { ...aService(1, 1), offre_alimentaire: offre });
    expect(parsed.ok && parsed.value.offre_alimentaire).toEqual(offre);
  });

  it.each([
    ['an unknown product', { produits: ['caviar'], modes: [] }, 'produits'],
    ['a product twice', { produits: ['bio', 'bio'], modes: [] }, 'produits'],
    ['an unknown choice', { produits: [], choix: 'tout', modes: [] }, 'choix'],
    ['an unknown mode', { produits: [], modes: ['drive'] }, 'modes'],
  ])('refuses %s, naming the field', (_, offre, field) => {
    const parsed = parse(serviceSchema, { ...aService(1, 1), offre_alimentaire: offre });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path).join(' ')).toContain(`offre_alimentaire.${field}`);
  });

  it('says the quality traits a partner declared, and none it did not', () => {
    expect(qualitesOf(undefined)).toEqual([]);
    expect(qualitesOf({ produits: ['plats-prepares', 'vrac'], choix: 'colis-compose', modes: ['panier'] })).toEqual([]);
    expect(
      qualitesOf(
        offreAlimentaireSchema.parse({
          produits: ['local', 'fruits-legumes-frais', 'bio'],
          choix: 'accompagne',
          modes: [],
        }),
      ),
    ).toEqual(['fruits-legumes-frais', 'bio', 'local', 'choix']);
  });
});
