// The programme as the agenda follows it on the device (fake-indexeddb): what a write changes shows, a row that no
// longer fits the schema is left out, and an action the write did not touch is the same object as before, so
// that its dates are not worked out again.
import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { createAgendaModel } from './agenda-model.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function device() {
  const db = new BoussoleDatabase(`agenda-model-test-${databases.length}`);
  databases.push(db);
  return db;
}

describe('the programme followed by the agenda', () => {
  it('follows writes, leaves out a row that fails the schema, and keeps the actions a write did not change', async () => {
    const db = device();
    await db.actions.bulkPut([anAction(1, 1), anAction(1, 2)]);
    const model = createAgendaModel(db, () => null);
    await expect.poll(() => model.actions.value?.map((a) => a.id)).toEqual(['test--a1-1', 'test--a1-2']);
    const [first, second] = model.actions.value ?? [];

    await db.actions.put(anAction(1, 2, { titre: 'Atelier du jeudi', version: 2 }));
    await expect.poll(() => model.actions.value?.find((a) => a.id === 'test--a1-2')?.titre).toBe('Atelier du jeudi');
    expect(model.actions.value?.[0]).toBe(first);
    expect(model.actions.value?.[1]).not.toBe(second);

    await db.actions.put({ ...anAction(1, 3), calendrier: { debut: 'demain' } } as never);
    await db.actions.put(anAction(1, 4));
    await expect.poll(() => model.actions.value?.map((a) => a.id)).toEqual(['test--a1-1', 'test--a1-2', 'test--a1-4']);
    expect(model.actions.value?.[0]).toBe(first);
  });
});
