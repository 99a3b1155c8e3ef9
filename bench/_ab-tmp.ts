import opening_hours from 'opening_hours';
import { DEMO_NOW, generateDirectory } from '../src/demo/generate-directory.ts';
import { createHoursEngine } from '../src/matching/hours/hours-engine.ts';
import { parisDay } from '../src/matching/hours/paris-time.ts';
import { orient } from '../src/matching/orient/orient.ts';
import { prepareDirectory } from '../src/matching/snapshot.ts';
import { floorOrientation } from './orientation-floor.ts';
import { PROFILES } from './profiles.ts';
const now = Date.parse(DEMO_NOW);
const { structures, services } = generateDirectory({ services: 10000 });
const snapshot = prepareDirectory(structures, services);
const hours = createHoursEngine(opening_hours);
const byId = new Map(structures.map((s) => [s.id, s]));
const today = parisDay(now);
const P = (i: number) => PROFILES[i % PROFILES.length] ?? { besoins: [] };
for (let i = 0; i < 48; i++) { orient(P(i), snapshot, now, { hours }); floorOrientation(P(i), services, byId, today); }
const a: number[] = [], b: number[] = [];
for (let r = 0; r < 40; r++) {
  for (let i = 0; i < 12; i++) {
    let t = performance.now(); const o = orient(P(i), snapshot, now, { hours }); void o.excluded.length; a.push(performance.now() - t);
    t = performance.now(); floorOrientation(P(i), services, byId, today); b.push(performance.now() - t);
  }
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor(x.length / 2)] as number;
console.log('orient', med(a).toFixed(3), 'floor', med(b).toFixed(3), 'ratio', (med(a) / med(b)).toFixed(2));
