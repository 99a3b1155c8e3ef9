// The counting rules of npm test (scripts/test-counts.mjs) where a real run is impractical to provoke: Playwright's
// report, a runner killed by a signal, a runner whose exit status contradicts its report.
import { describe, expect, it } from 'vitest';
import { countCheck, countPlaywright, countVitest } from '../../scripts/test-counts.mjs';

const ok = { status: 0 };
const stats = (s: Partial<Record<'expected' | 'unexpected' | 'flaky' | 'skipped', number>>) => ({
  stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0, ...s },
});

describe('npm test counting rules', () => {
  it('counts a skipped browser test and an error outside the tests (global teardown) as failures', () => {
    const counts = countPlaywright(
      { ...stats({ expected: 40, skipped: 1 }), errors: [{ message: 'Error: personal data in server log\nat …' }] },
      { status: 1 },
    );
    expect(counts).toMatchObject({ passed: 40, failed: 2, skipped: 0 });
    expect(counts.problems).toContain('playwright: Error: personal data in server log');
  });

  it('counts a runner that exits non-zero with a report of passes only as one failure', () => {
    expect(countPlaywright({ ...stats({ expected: 40 }), errors: [] }, { status: 1 }).failed).toBe(1);
    expect(countVitest({ reason: 'passed', unhandledErrors: [], modules: [] }, { status: 1 }).failed).toBe(1);
  });

  it('counts a runner killed by a signal, or that wrote no report, as a failure', () => {
    expect(countVitest(null, { status: null, signal: 'SIGKILL' })).toMatchObject({ passed: 0, failed: 1 });
    expect(countPlaywright(null, ok)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('counts an interrupted vitest run as a failure', () => {
    expect(countVitest({ reason: 'interrupted', unhandledErrors: [], modules: [] }, ok).failed).toBe(1);
  });

  it('counts a failed check once and a passing one not at all', () => {
    expect(countCheck('lint', { status: 1 }).failed).toBe(1);
    expect(countCheck('lint', ok).failed).toBe(0);
  });
});
