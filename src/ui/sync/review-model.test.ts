import { afterEach, describe, expect, it } from 'vitest';
import { aStructure } from '../../../tests/fixtures/records.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { applyDirectoryPage } from '../../db/directory-repo.ts';
import { editRecord } from '../../db/local-edits.ts';
import { acknowledge } from '../../db/outbox-repo.ts';
import { createReviewModel } from './review-model.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

describe('what the Synchronisation screen lists', () => {
  it('is unknown, not empty, until the device has been read: a refused change is never hidden behind "none"', async () => {
    const db = new BoussoleDatabase(`review-model-test-${databases.length}`);
    databases.push(db);
    await applyDirectoryPage(
      db,
      { epoch: 'epoch-one', cursor: 1, total: 1, entries: [{ kind: 'structure', seq: 1, record: aStructure(1) }] },
      { reset: false, completedAt: null },
    );
    expect((await editRecord(db, 'structure', 'test--s1', { telephone: '04 00 11 11 11' })).ok).toBe(true);
    await acknowledge(db, [{ id: 1, status: 'rejected', reason: { code: 'interdit', message: 'Non autorisé' } }]);
    const review = createReviewModel(db);
    const stop = review.follow();
    expect(review.loaded.value).toBe(false);
    await expect.poll(() => review.loaded.value).toBe(true);
    expect(review.rejections.value.map((r) => r.recordKey)).toEqual(['structure:test--s1']);
    expect(review.names.value['structure:test--s1']).toBe('Structure numéro 1');
    stop();
  });
});
