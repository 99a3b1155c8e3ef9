// Counts failures per key (an address, a code) in a sliding window: after `limit` failures within `windowMs`, the
// key waits until the oldest of them leaves the window. Time is passed in (the server's clock), so tests move it
// instead of sleeping. Memory is bounded: each key keeps at most `limit` instants, keys whose failures all left
// the window are dropped when touched, and past `maxKeys` the least recently failed key is forgotten (a flood of
// new keys can only make the limiter forget, never make the process grow).

export interface FailureRule {
  limit: number;
  windowMs: number;
}

export class FailureWindow {
  /** Failure instants per key, oldest first; the Map's order is the order keys last failed in. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly rule: FailureRule,
    private readonly maxKeys: number,
  ) {}

  /** Milliseconds `key` must wait before its next attempt; 0 when it may try now. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.rule.limit) return 0;
    const oldest = recent[recent.length - this.rule.limit] ?? now;
    return Math.max(0, oldest + this.rule.windowMs - now);
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.rule.limit) recent.shift();
    this.failures.delete(key);
    this.failures.set(key, recent);
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(oldest);
    }
  }

  /** How many keys are kept (for tests of the memory bound). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const kept = this.failures.get(key);
    if (!kept) return [];
    const from = now - this.rule.windowMs;
    while (kept.length > 0 && (kept[0] ?? now) <= from) kept.shift();
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
