// What the worker could ask next: the profile fields that would decide the most "to check" results (verdict), then
// the unset fields the ranking uses (they would only reorder). Counted over results, and over the first ones.
import { EXCLUDED } from '../criteria/criterion.ts';
import type { Person } from '../person.ts';
import type { ProfileField } from '../reasons.ts';
import type { MissingInfo } from './types.ts';

export function missingInfo(
  order: readonly number[],
  missing: ReadonlyMap<number, ProfileField[]>,
  person: Person,
  top: number,
  level: Uint8Array,
): MissingInfo[] {
  const counts = new Map<ProfileField, { services: number; in_top: number }>();
  if (missing.size > 0) {
    // Over the services with missing fields (few) rather than over every result.
    const first = new Set(order.slice(0, top));
    for (const [idx, fields] of missing) {
      if (level[idx] === EXCLUDED) continue;
      for (const field of fields) {
        const c = counts.get(field) ?? { services: 0, in_top: 0 };
        c.services++;
        if (first.has(idx)) c.in_top++;
        counts.set(field, c);
      }
    }
  }
  const out: MissingInfo[] = [...counts]
    .map(([field, c]) => ({ field, effect: 'verdict' as const, ...c }))
    .sort((a, b) => b.in_top - a.in_top || b.services - a.services || (a.field < b.field ? -1 : 1));

  const p = person.profile;
  const ranking: ProfileField[] = [];
  if (person.latitude === null) ranking.push('lieu');
  if (p.urgence === undefined) ranking.push('urgence');
  if (p.mobilite === undefined) ranking.push('mobilite');
  if (p.disponibilites === undefined) ranking.push('disponibilites');
  if (p.langues === undefined) ranking.push('langues');
  if (p.regimes === undefined) ranking.push('regimes');
  if (p.peut_cuisiner === undefined && !person.noFixedAddress) ranking.push('peut_cuisiner');
  const n = order.length;
  for (const field of ranking) {
    if (!counts.has(field)) out.push({ field, effect: 'ranking', services: n, in_top: Math.min(n, top) });
  }
  return out;
}
