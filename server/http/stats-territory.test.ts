import { describe, expect, it } from 'vitest';
import { territoryOf } from './stats-routes.ts';

describe('the communes a coordinator’s statistics cover', () => {
  it('are the whole Métropole without a territory, and only its communes with one', () => {
    expect(territoryOf({ id: 'c1', nom: 'Métropole', role: 'coordinateur' })).toBeNull();
    const territory = territoryOf({
      id: 'c2',
      nom: 'MDM Vénissieux',
      role: 'coordinateur',
      communes: ['69259', '69199'],
    });
    expect(territory && [...territory].sort()).toEqual(['69199', '69259']);
  });
});
