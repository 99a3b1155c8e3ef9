// Temporary information (infos_temporaires) that overrides regular hours: a closure (`fermeture`) or replacement
// hours (`horaires-exceptionnels`, with their own OSM string) between two Paris calendar dates, both inclusive; no
// end date means "until further notice". A closure wins over exceptional hours on the same day. Plain `message`
// entries do not change the hours and are not kept here. Pure date logic: no hours library involved, so the
// matcher can tell "closed until …" for every service cheaply.
import type { InfoTemporaire } from '../../domain/service.ts';
import { addDays } from '../../domain/time/paris-time.ts';

export interface TemporaryPeriod {
  id: string;
  kind: 'fermeture' | 'horaires-exceptionnels';
  /** First day, `YYYY-MM-DD`. */
  debut: string;
  /** Last day, inclusive; null: until further notice. */
  fin: string | null;
  /** The replacement hours of `horaires-exceptionnels`. */
  horaires: string | null;
}

export type DayPlan =
  | { kind: 'regular' }
  | { kind: 'closed'; period: TemporaryPeriod }
  | { kind: 'exceptional'; period: TemporaryPeriod; horaires: string };

const REGULAR: DayPlan = { kind: 'regular' };

/** The periods that can change hours, closures first then by start date (stable for equal dates). */
export function temporaryPeriods(infos: readonly InfoTemporaire[]): TemporaryPeriod[] {
  const out: TemporaryPeriod[] = [];
  for (const info of infos) {
    if (info.type === 'message') continue;
    if (info.type === 'horaires-exceptionnels' && info.horaires === undefined) continue;
    out.push({
      id: info.id,
      kind: info.type,
      debut: info.debut,
      fin: info.fin ?? null,
      horaires: info.horaires ?? null,
    });
  }
  return out.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'fermeture' ? -1 : 1) || (a.debut < b.debut ? -1 : a.debut > b.debut ? 1 : 0),
  );
}

function covers(p: TemporaryPeriod, day: string): boolean {
  return p.debut <= day && (p.fin === null || day <= p.fin);
}

/** What decides the hours on `day`. */
export function planOn(periods: readonly TemporaryPeriod[], day: string): DayPlan {
  if (periods.length === 0) return REGULAR;
  let exceptional: TemporaryPeriod | undefined;
  for (const p of periods) {
    if (!covers(p, day)) continue;
    if (p.kind === 'fermeture') return { kind: 'closed', period: p };
    exceptional ??= p;
  }
  return exceptional?.horaires ? { kind: 'exceptional', period: exceptional, horaires: exceptional.horaires } : REGULAR;
}

/**
 * When the service is closed on `day` by temporary information: the last closed day of the run of closures
 * starting there (back-to-back closures are joined), null when until further notice; undefined when not closed.
 */
export function closedUntil(periods: readonly TemporaryPeriod[], day: string): string | null | undefined {
  let plan = planOn(periods, day);
  if (plan.kind !== 'closed') return undefined;
  let last: string = day;
  // A bounded walk: at most one step per closure period.
  for (let i = 0; i <= periods.length && plan.kind === 'closed'; i++) {
    if (plan.period.fin === null) return null;
    last = plan.period.fin;
    plan = planOn(periods, addDays(last, 1));
  }
  return last;
}
