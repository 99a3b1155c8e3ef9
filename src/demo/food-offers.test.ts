import { describe, expect, it } from 'vitest';
import { qualitesOf } from '../domain/food-quality.ts';
import { generateDirectory } from './generate-directory.ts';

const demo = generateDirectory();
const byCategory = (c: string) => demo.services.filter((s) => s.categorie === c);
const share = (list: readonly unknown[], n: number) => (list.length === 0 ? 0 : n / list.length);

describe('what the demo services say about their food', () => {
  it('most food services declare it, services without food never do', () => {
    const food = demo.services.filter((s) => s.categorie && !['fountain', 'food_voucher'].includes(s.categorie));
    const declared = food.filter((s) => s.offre_alimentaire !== undefined);
    expect(share(food, declared.length)).toBeGreaterThan(0.6);
    expect(demo.services.filter((s) => !s.categorie && s.offre_alimentaire)).toEqual([]);
    expect(byCategory('fountain').filter((s) => s.offre_alimentaire)).toEqual([]);
  });

  it('is realistic per kind: baskets fresh and local, composed; épiceries free choice on shelves; meals prepared', () => {
    for (const s of byCategory('solidarity_basket').filter((x) => x.offre_alimentaire)) {
      expect(s.offre_alimentaire?.produits).toContain('fruits-legumes-frais');
      expect(s.offre_alimentaire?.modes).toContain('panier');
      expect(s.offre_alimentaire?.choix).toBe('colis-compose');
    }
    const groceries = byCategory('social_grocery_stores').filter((x) => x.offre_alimentaire);
    expect(groceries.every((s) => s.offre_alimentaire?.choix !== 'colis-compose')).toBe(true);
    expect(
      share(groceries, groceries.filter((s) => s.offre_alimentaire?.modes.includes('libre-service')).length),
    ).toBeGreaterThan(0.6);
    for (const s of byCategory('food_distribution').filter((x) => x.offre_alimentaire))
      expect(s.offre_alimentaire?.produits).toContain('plats-prepares');
  });

  it('gives the orientation something to favour: some services are fresh, organic, local or a choice, others not', () => {
    const withQuality = demo.services.filter((s) => qualitesOf(s.offre_alimentaire).length > 0);
    expect(withQuality.length).toBeGreaterThan(100);
    expect(demo.services.filter((s) => s.offre_alimentaire?.produits.includes('bio')).length).toBeGreaterThan(20);
    expect(demo.services.filter((s) => s.offre_alimentaire?.produits.includes('vrac')).length).toBeGreaterThan(5);
  });

  it('is deterministic, and a service keeps its offer when the directory is larger', () => {
    expect(generateDirectory().services.map((s) => s.offre_alimentaire)).toEqual(
      demo.services.map((s) => s.offre_alimentaire),
    );
    const small = generateDirectory({ services: 120 });
    expect(small.services.map((s) => s.offre_alimentaire)).toEqual(
      demo.services.slice(0, small.services.length).map((s) => s.offre_alimentaire),
    );
  });
});
