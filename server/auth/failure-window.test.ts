import { describe, expect, it } from 'vitest';
import { FailureWindow } from './failure-window.ts';

const MINUTE = 60_000;

describe('a sliding window of failures', () => {
  it('lets a key try until `limit` failures, then makes it wait until the oldest leaves the window', () => {
    const window = new FailureWindow({ limit: 3, windowMs: 10 * MINUTE }, 100);
    window.recordFailure('a', 0);
    window.recordFailure('a', 1 * MINUTE);
    expect(window.waitMs('a', 2 * MINUTE)).toBe(0);
    window.recordFailure('a', 2 * MINUTE);
    expect(window.waitMs('a', 2 * MINUTE)).toBe(8 * MINUTE);
    expect(window.waitMs('a', 9 * MINUTE)).toBe(1 * MINUTE);
    // The first failure has left the window: one more try, then the second one sets the wait.
    expect(window.waitMs('a', 10 * MINUTE)).toBe(0);
    window.recordFailure('a', 10 * MINUTE);
    expect(window.waitMs('a', 10 * MINUTE)).toBe(1 * MINUTE);
    expect(window.waitMs('b', 10 * MINUTE)).toBe(0);
  });

  it('forgets a key whose failures all left the window', () => {
    const window = new FailureWindow({ limit: 3, windowMs: MINUTE }, 100);
    window.recordFailure('a', 0);
    expect(window.size).toBe(1);
    expect(window.waitMs('a', MINUTE)).toBe(0);
    expect(window.size).toBe(0);
  });

  it('keeps at most `maxKeys` keys and `limit` instants per key, forgetting the least recently failed first', () => {
    const window = new FailureWindow({ limit: 2, windowMs: MINUTE }, 3);
    for (let i = 0; i < 50; i++) window.recordFailure('busy', i);
    window.recordFailure('x', 100);
    window.recordFailure('y', 100);
    window.recordFailure('busy', 101);
    window.recordFailure('z', 102);
    expect(window.size).toBe(3);
    // x was the least recently failed key: forgotten (a second failure does not make it wait); busy, failing
    // again, was kept.
    expect(window.waitMs('busy', 102)).toBeGreaterThan(0);
    window.recordFailure('x', 103);
    expect(window.waitMs('x', 103)).toBe(0);
  });
});
