// The gate an embedded store's connection goes through (serial-gate.ts): a body that awaits keeps everything
// else out until it settles, and a failed body does not block the ones after it.
import { describe, expect, it } from 'vitest';
import { serialGate } from './serial-gate.ts';

describe('serialGate', () => {
  it('runs nothing else while a body awaits, then the others in arrival order', async () => {
    const gate = serialGate();
    const steps: string[] = [];
    const long = gate.run(async () => {
      steps.push('transaction begins');
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      steps.push('transaction commits');
    });
    const query = gate.run(() => steps.push('query'));
    await Promise.all([long, query]);
    expect(steps).toEqual(['transaction begins', 'transaction commits', 'query']);
  });

  it('passes a failure to its caller and lets the next body run', async () => {
    const gate = serialGate();
    const failed = gate.run(async () => {
      throw new Error('rollback');
    });
    const next = gate.run(() => 'next');
    await expect(failed).rejects.toThrow('rollback');
    await expect(next).resolves.toBe('next');
  });
});
