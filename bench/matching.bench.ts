// Figures of the orientation engine and the search on the generated 10k and 50k directories:
// prepare (snapshot), orientation (full: all verdicts, ranking, reasons and hours of the first 50 results, hours
// cache warm as in a working day), orientation-cold-hours (the first orientation with a fresh hours engine, which
// parses and evaluates the strings it needs), orientation-floor (bare linear scan, see orientation-floor.ts),
// index-build, index-load (the start-up copy's search part taken back: its search entries and its saved index, as a
// cold start does before it answers) and search. Varied profiles and queries (profiles.ts), fixed `now`.
import opening_hours from 'opening_hours';
import { DEMO_NOW, generateDirectory } from '../src/demo/generate-directory.ts';
import { parisDay } from '../src/domain/time/paris-time.ts';
import { createHoursEngine } from '../src/matching/hours/hours-engine.ts';
import { orient } from '../src/matching/orient/orient.ts';
import { search } from '../src/matching/search/search.ts';
import { SavedEntries, searchEntriesToRows } from '../src/matching/search/search-entry.ts';
import { buildSearchIndex, loadSearchIndex, serializeSearchIndex } from '../src/matching/search/search-index.ts';
import { prepareDirectory } from '../src/matching/snapshot.ts';
import { measure, retainedMb, warmupFields } from './measure.ts';
import { floorOrientation } from './orientation-floor.ts';
import { PROFILES, QUERIES } from './profiles.ts';
import type { BenchContext, Report } from './run.ts';

const SIZES = [10_000, 50_000];
const FIGURES = [
  'prepare',
  'orientation',
  'orientation-cold-hours',
  'orientation-floor',
  'index-build',
  'index-load',
  'search',
];

export default async function matchingBench(report: Report, ctx: BenchContext): Promise<void> {
  if (!FIGURES.some((f) => ctx.wants(f))) return;
  const now = Date.parse(DEMO_NOW);
  for (const n of ctx.sizes ?? SIZES) {
    const large = n > 20_000;
    const directory = generateDirectory({ services: n });
    const { structures, services } = directory;

    const { value: snapshot, retained_mb } = retainedMb(() => prepareDirectory(structures, services));
    if (ctx.wants('prepare')) {
      const t = measure(() => prepareDirectory(structures, services), { warmup: 2, runs: large ? 5 : 10 });
      report({
        bench: 'prepare',
        n,
        ...t,
        ...warmupFields(t.warmup_runs + 1, 'the call that measured retained memory, then untimed calls (JIT)'),
        retained_mb,
        hours_strings: snapshot.hoursStrings.length,
      });
    }

    if (ctx.wants('orientation-cold-hours')) {
      const t = measure(
        () => orient(PROFILES[0] ?? { besoins: [] }, snapshot, now, { hours: createHoursEngine(opening_hours) }),
        {
          warmup: 1,
          runs: 5,
        },
      );
      report({ bench: 'orientation-cold-hours', n, ...t });
    }

    if (ctx.wants('orientation')) {
      const hours = createHoursEngine(opening_hours);
      let results = 0;
      let evaluated = 0;
      const runs = PROFILES.length * (large ? 5 : 8);
      const t = measure(
        (i) => {
          const o = orient(PROFILES[i % PROFILES.length] ?? { besoins: [] }, snapshot, now, { hours });
          results += o.results.length;
          evaluated += o.results.length + o.excluded.length;
        },
        { warmup: PROFILES.length * 2, runs },
      );
      const perRun = (x: number) => Math.round(x / (runs + PROFILES.length * 2));
      report({
        bench: 'orientation',
        n,
        ...t,
        profiles: PROFILES.length,
        evaluated_mean: perRun(evaluated),
        results_mean: perRun(results),
        hours_strings_parsed: hours.stats().parsed,
      });
    }

    if (ctx.wants('orientation-floor')) {
      const byId = new Map(structures.map((s) => [s.id, s]));
      const today = parisDay(now);
      const t = measure(
        (i) => floorOrientation(PROFILES[i % PROFILES.length] ?? { besoins: [] }, services, byId, today),
        {
          warmup: PROFILES.length * 2,
          runs: PROFILES.length * (large ? 5 : 8),
        },
      );
      report({ bench: 'orientation-floor', n, ...t, profiles: PROFILES.length });
    }

    const built = retainedMb(() => buildSearchIndex(snapshot));
    if (ctx.wants('index-build')) {
      const t = measure(() => buildSearchIndex(snapshot), { warmup: 2, runs: large ? 5 : 10 });
      report({
        bench: 'index-build',
        n,
        ...t,
        ...warmupFields(t.warmup_runs + 1, 'the call that measured retained memory, then untimed calls (JIT)'),
        retained_mb: built.retained_mb,
      });
    }

    if (ctx.wants('index-load')) {
      const rows = searchEntriesToRows(snapshot.entries);
      const indexText = serializeSearchIndex(built.value);
      const entriesTime = measure(() => new SavedEntries(rows), { warmup: 2, runs: large ? 5 : 10 });
      // What browsing without a query reads: every row, each parsed once.
      const everyRow = measure(() => [...new SavedEntries(rows)], { warmup: 2, runs: large ? 5 : 10 });
      const t = measure(() => loadSearchIndex(new SavedEntries(rows), indexText), { warmup: 2, runs: large ? 5 : 10 });
      // The floor: parsing the index's text as JSON, which any loading of it has to do (the entries' rows are parsed
      // as searches read them).
      const floor = measure(() => JSON.parse(indexText), { warmup: 2, runs: large ? 5 : 10 });
      report({
        bench: 'index-load',
        n,
        ...t,
        entries_ms: entriesTime.median_ms,
        every_row_ms: everyRow.median_ms,
        index_ms: t.median_ms,
        json_parse_floor_ms: floor.median_ms,
        entries_mb: Math.round((rows.reduce((sum, row) => sum + row.length, 0) / 1_048_576) * 10) / 10,
        index_mb: Math.round((indexText.length / 1_048_576) * 10) / 10,
      });
    }

    if (ctx.wants('search')) {
      const index = built.value;
      const hours = createHoursEngine(opening_hours);
      let total = 0;
      const runs = QUERIES.length * 10;
      const t = measure(
        (i) => {
          const [query, filters] = QUERIES[i % QUERIES.length] ?? ['', {}];
          total += search(snapshot, query, filters, now, { index, hours }).total;
        },
        { warmup: QUERIES.length * 2, runs },
      );
      report({
        bench: 'search',
        n,
        ...t,
        queries: QUERIES.length,
        hits_mean: Math.round(total / (runs + QUERIES.length * 2)),
      });
    }
  }
}
