import { afterEach, describe, expect, it } from 'vitest';
import { anAction } from '../../../tests/fixtures/actions.ts';
import { readActions } from '../../db/agenda-repo.ts';
import { BoussoleDatabase } from '../../db/database.ts';
import { liveValue } from './live-value.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function device() {
  const db = new BoussoleDatabase(`live-value-test-${databases.length}`);
  databases.push(db);
  return db;
}

describe('a live value of the device', () => {
  it('is unknown until read, then follows every write while a screen follows it', async () => {
    const db = device();
    await db.actions.put(anAction(1, 1));
    const live = liveValue(
      () => readActions(db),
      () => [],
    );
    expect(live.value).toBeNull();
    const stop = live.follow();
    await expect.poll(() => live.value?.map((a) => a.id)).toEqual([anAction(1, 1).id]);
    await db.actions.put(anAction(2, 1));
    await expect.poll(() => live.value?.length).toBe(2);
    stop();
  });

  it('stays current while any screen follows it, and reads the device no more once the last one has gone', async () => {
    const db = device();
    let reads = 0;
    const live = liveValue(
      () => {
        reads++;
        return readActions(db);
      },
      () => [],
    );
    // Another follower of the same table: once it has seen a write, the live value would have re-read it too.
    const witness = liveValue(
      () => readActions(db),
      () => [],
    );
    const stopWitness = witness.follow();
    const first = live.follow();
    const second = live.follow();
    await expect.poll(() => live.value).toEqual([]);

    // The first screen going leaves the second one's list current.
    first();
    await db.actions.put(anAction(1, 1));
    await expect.poll(() => live.value?.length).toBe(1);

    second();
    const before = reads;
    await db.actions.put(anAction(2, 1));
    await expect.poll(() => witness.value?.length).toBe(2);
    expect(reads).toBe(before);
    expect(live.value?.length).toBe(1);
    stopWitness();
  });

  it('shows what `failed` gives when the read throws', async () => {
    const live = liveValue<string[]>(
      () => Promise.reject(new Error('illisible')),
      () => [],
    );
    const stop = live.follow();
    await expect.poll(() => live.value).toEqual([]);
    stop();
  });
});
