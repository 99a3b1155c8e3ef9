// The list another store runs (store-contracts.ts) holds every contract suite of this folder: a new suite left out
// of it would pass on memory and SQLite and never run on the next store.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { STORE_CONTRACTS } from './store-contracts.ts';

describe('STORE_CONTRACTS', () => {
  it('lists one suite per *.contract.ts file', async () => {
    const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.contract.ts'));
    expect(new Set(STORE_CONTRACTS).size).toBe(files.length);
  });
});
