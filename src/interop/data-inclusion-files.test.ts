import { describe, expect, it } from 'vitest';
import { diJson } from './data-inclusion-files.ts';

describe('data·inclusion files written record by record', () => {
  it('are the text JSON.stringify makes of the whole list, line breaks inside values included', () => {
    const records = [
      { id: 'a', nom: 'Ligne\nsuivante', thematiques: ['x', 'y'], extension_boussole: { n: 1 } },
      { id: 'b', nom: '« guillemets »', thematiques: [], extension_boussole: {} },
    ];
    expect(diJson(records)).toBe(`${JSON.stringify(records, null, 2)}\n`);
    expect(diJson([])).toBe('[]\n');
  });
});
