import { describe, expect, it } from 'vitest';
import { sheetOpened } from './early-sheet.ts';

describe('sheetOpened', () => {
  it('reads the partner of a sheet’s address, and only of a sheet', () => {
    expect(sheetOpened('/partenaires/boussole-demo--s0001')).toBe('boussole-demo--s0001');
    expect(sheetOpened('/partenaires/a%C3%A9b/')).toBe('aéb');
    expect(sheetOpened('/partenaires/x/modifier')).toBeNull();
    expect(sheetOpened('/partenaires/')).toBeNull();
    expect(sheetOpened('/annuaire')).toBeNull();
    expect(sheetOpened('/partenaires/%E0%A4%A')).toBeNull();
  });
});
