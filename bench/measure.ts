// Timing and memory helpers shared by the benchmarks: warm-up runs first (JIT, caches), then N timed runs, and
// the median and 95th percentile in milliseconds. Benchmarks print figures; they never assert (no flaky timing).
// Every timed line says how many untimed runs came first (`warmup_runs`) and, when there were some, what they did
// (`warmup`), so a reader knows which figures are warm.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Timing {
  median_ms: number;
  p95_ms: number;
  /**
   * The median of the process's CPU time per call: on a shared, loaded machine the wall-clock figures include the
   * time spent waiting for a core, this one does not (the engine's helper threads, garbage collection, count in it).
   */
  cpu_median_ms: number;
  runs: number;
  warmup_runs: number;
  warmup?: string;
}

/** The `warmup` fields of a line: `runs` untimed runs, that did `what`. */
export function warmupFields(runs: number, what: string): Pick<Timing, 'warmup_runs' | 'warmup'> {
  return runs > 0 ? { warmup_runs: runs, warmup: what } : { warmup_runs: 0 };
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Times `fn(i)` for i = 0…runs-1 after `warmup` untimed calls (which also get i, from 0). */
export function measure(fn: (i: number) => unknown, options: MeasureOptions = {}): Timing {
  const warmup = options.warmup ?? 5;
  const runs = options.runs ?? 30;
  for (let i = 0; i < warmup; i++) fn(i);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median =
    runs % 2 === 1
      ? (times[(runs - 1) / 2] as number)
      : ((times[runs / 2 - 1] as number) + (times[runs / 2] as number)) / 2;
  const p95 = times[Math.min(runs - 1, Math.ceil(0.95 * runs) - 1)] as number;
  return {
    median_ms: round(median),
    p95_ms: round(p95),
    cpu_median_ms: round(cpu[Math.floor(runs / 2)] as number),
    runs,
    ...warmupFields(warmup, 'untimed calls of the same function first (JIT, caches)'),
  };
}

let gcFn: (() => void) | undefined;
/** A full garbage collection, made available at run time (no `--expose-gc` needed on the command line). */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** Heap retained by what `make` returns (MB): collected before, and after while it is still referenced. */
export function retainedMb<T>(make: () => T): { value: T; retained_mb: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  return { value, retained_mb: Math.round(((after - before) / 1_048_576) * 10) / 10 };
}
