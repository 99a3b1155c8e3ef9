// A structure opts out of the anonymous orientation statistics in « Modifier »: the choice is an ordinary edit of
// its listing (saved on the device and queued for the server), and only a refusal is written.
import { afterEach, describe, expect, it } from 'vitest';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { takeOutboxBatch } from '../../db/outbox-repo.ts';
import { createStructureEditor } from './structure-editor-model.ts';

let counter = 0;
const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

async function device() {
  const db = new BoussoleDatabase(`participation-test-${++counter}`);
  databases.push(db);
  await applyDirectoryPage(
    db,
    { epoch: 'e', cursor: 1, total: 1, entries: [{ kind: 'structure', seq: 1, record: aStructure(1) }] },
    { reset: false, completedAt: null },
  );
  return db;
}

describe('taking part in the anonymous orientation statistics', () => {
  it('is the default; unticking saves a refusal with its outbox entry, ticking again removes it', async () => {
    const db = await device();
    const id = aStructure(1).id;
    const editor = createStructureEditor(db, id);
    await editor.load();
    expect(editor.participation.value).toBe(true);
    expect(editor.dirty.value).toBe(false);
    editor.participation.value = false;
    expect(editor.dirty.value).toBe(true);
    expect(await editor.save()).toBe(true);
    expect((await db.structures.get(id))?.statistiques_orientations).toBe(false);
    const [entry] = await takeOutboxBatch(db, 10);
    expect(entry?.mutation).toMatchObject({
      name: 'record.update',
      args: { changes: { statistiques_orientations: false } },
    });

    const again = createStructureEditor(db, id);
    await again.load();
    expect(again.participation.value).toBe(false);
    again.participation.value = true;
    expect(await again.save()).toBe(true);
    expect((await db.structures.get(id))?.statistiques_orientations).toBeUndefined();
  });
});
