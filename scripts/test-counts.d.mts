// Types of scripts/test-counts.mjs for the tests that call it (tests/runner/).
export interface Exit {
  status: number | null;
  signal?: string | null;
}
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  problems: string[];
}
export function countCheck(label: string, exit: Exit): Tally;
export function countVitest(report: unknown, exit: Exit): Tally;
export function countPlaywright(report: unknown, exit: Exit): Tally;
export function summaryLine(counts: Pick<Tally, 'passed' | 'failed' | 'skipped'>): string;
