import { describe, expect, it } from 'vitest';
import { inSlices, SLICE_MS } from './page-turn.ts';

/** Work that holds the thread for `ms`. */
function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('work in slices', () => {
  it('lets a waiting task run between slices, not only once every item is done', async () => {
    const done: number[] = [];
    let doneWhenTheTaskRan = -1;
    setTimeout(() => {
      doneWhenTheTaskRan = done.length;
    }, 0);
    const finished = await inSlices([1, 2, 3, 4, 5, 6], (n) => {
      busy(SLICE_MS / 2 + 1);
      done.push(n);
    });
    expect(finished).toBe(true);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doneWhenTheTaskRan).toBeGreaterThan(0);
    expect(doneWhenTheTaskRan).toBeLessThan(6);
  });

  it('stops at the next turn once the work is no longer wanted, and says so', async () => {
    const done: number[] = [];
    let wanted = true;
    setTimeout(() => {
      wanted = false;
    }, 0);
    const finished = await inSlices(
      [1, 2, 3, 4, 5, 6],
      (n) => {
        busy(SLICE_MS + 1);
        done.push(n);
      },
      () => !wanted,
    );
    expect(finished).toBe(false);
    expect(done.length).toBeLessThan(6);
  });
});
