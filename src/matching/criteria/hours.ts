// Hours, in two steps because exact hours cost a library evaluation (see orient/hours-phase.ts):
// 1. `closureCriterion`, for every candidate, from dates only: a temporary closure today says "closed until …" —
//    an exclusion when it is until further notice or covers the whole urgency window (today; this week), a
//    penalty otherwise; exceptional hours today are mentioned.
// 2. `scoreHours`, for the candidates that can reach the first pages, from the computed schedule: open now or
//    next opening against the urgency (today / this week) and the person's availability (days, times of day).
//    `hoursBounds` gives the most points it can add, which lets the ranking stop computing hours early.
// 3. `lateness`, a rank tier from the first opening against the urgency: a service with no opening in the coming
//    week never ranks above one open within it, and under urgency today one open today comes first (temporary
//    closures count: the schedule skips them). Unknown hours are not a closure: the middle tier under urgency
//    today, the first otherwise. The reasons of `scoreHours` say which tier it is.
import { addDays, parisMinuteOfDay, weekdayOf } from '../../domain/time/paris-time.ts';
import type { Opening, Schedule } from '../hours/schedule.ts';
import { closedUntil, planOn } from '../hours/temporary.ts';
import type { Person } from '../person.ts';
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, type Evaluation, exclude, info, NONE, type OrientContext } from './criterion.ts';

const WEEK_MS = 7 * 86_400_000;
const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
/** Times of day in Paris minutes: morning until noon, afternoon until 18:00, evening after. */
const SLOTS = { matin: [0, 720], 'apres-midi': [720, 1080], soir: [1080, 1440] } as const;

export const closureCriterion: Criterion = {
  name: 'closure',
  concerns: TRAIT.temporary,
  prepare(person, ctx) {
    const urgence = person.profile.urgence ?? null;
    const lastDayOfWeek = addDays(ctx.today, 6);
    return (entry, ev) => {
      if (entry.temporary.length === 0) return;
      const until = closedUntil(entry.temporary, ctx.today);
      if (until === undefined) {
        const plan = planOn(entry.temporary, ctx.today);
        if (plan.kind === 'exceptional') info(ev, 'exceptional_hours', { until: plan.period.fin });
        return;
      }
      const blocking = until === null || urgence === 'aujourdhui' || (urgence === 'semaine' && until >= lastDayOfWeek);
      if (blocking) exclude(ev, 'closed_until', { until });
      else adjust(ev, POINTS.closedNotBlocking, 'closed_until', { until });
    };
  },
};

/** Whether an opening meets the person's availability (days, times of day); undefined when none is given. */
export function availabilityFilter(person: Person): ((o: Opening) => boolean) | undefined {
  const d = person.profile.disponibilites;
  if (!d || (d.jours.length === 0 && d.creneaux.length === 0)) return undefined;
  const days = new Set(d.jours.map((j) => DAY_CODES.indexOf(j)));
  const slots = d.creneaux.map((c) => SLOTS[c]);
  return (o) => {
    // A period of a day or more (24/7) meets any availability.
    if (o.end - o.start >= 86_400_000) return true;
    if (days.size > 0 && !days.has(weekdayOf(o.day))) return false;
    if (slots.length === 0) return true;
    const start = parisMinuteOfDay(o.start);
    const end = start + Math.round((o.end - o.start) / 60_000);
    return slots.some(([from, to]) => start < to && end > from);
  };
}

export function hoursBounds(person: Person): { min: number; max: number } {
  const u = person.profile.urgence;
  const best = u === 'aujourdhui' ? POINTS.openNowToday : u === 'semaine' ? POINTS.openThisWeek : POINTS.openSoon;
  const worst =
    u === 'aujourdhui' ? POINTS.notOpenToday : u === 'semaine' ? POINTS.notOpenThisWeek : POINTS.noOpeningSoon;
  const avail = availabilityFilter(person) !== undefined;
  return {
    max: best + (avail ? POINTS.inAvailability : 0),
    min: Math.min(POINTS.hoursUnknown, worst + (avail ? POINTS.notInAvailability : 0)),
  };
}

/** The lateness tier of a schedule (0 first): see 3. above. Needs only the first opening. */
export function lateness(s: Schedule, person: Person, ctx: OrientContext): number {
  const next = s.next_openings[0] ?? null;
  const urgent = person.profile.urgence === 'aujourdhui';
  if (s.current === null && next === null && s.open_now === null) return urgent ? 1 : 0;
  const thisWeek = s.current !== null || (next !== null && next.start < ctx.now + WEEK_MS);
  if (!urgent) return thisWeek ? 0 : 1;
  return s.current !== null || next?.day === ctx.today ? 0 : thisWeek ? 1 : 2;
}

/** Adds the hours' points and reasons for a computed schedule. */
export function scoreHours(ev: Evaluation, s: Schedule, person: Person, ctx: OrientContext, avail: boolean): void {
  const first = s.current ?? s.next_openings[0] ?? null;
  if (first === null && s.open_now === null) {
    adjust(ev, POINTS.hoursUnknown, 'hours_unknown', NONE);
    return;
  }
  const u = person.profile.urgence;
  const next = s.next_openings[0] ?? null;
  const thisWeek = s.current !== null || (next !== null && next.start < ctx.now + WEEK_MS);
  if (u === 'aujourdhui') {
    if (s.current) adjust(ev, POINTS.openNowToday, 'open_now', { until: s.current.end });
    else if (next && next.day === ctx.today) adjust(ev, POINTS.opensLaterToday, 'opens_today', { at: next.start });
    else adjust(ev, POINTS.notOpenToday, 'not_open_today', { next: next?.start ?? null });
  } else if (u === 'semaine') {
    if (s.current) adjust(ev, POINTS.openThisWeek, 'open_now', { until: s.current.end });
    else if (thisWeek && next) adjust(ev, POINTS.openThisWeek, 'opens_this_week', { at: next.start });
    else adjust(ev, POINTS.notOpenThisWeek, 'not_open_this_week', { next: next?.start ?? null });
  } else if (s.current) adjust(ev, POINTS.openSoon, 'open_now', { until: s.current.end });
  else if (thisWeek && next) adjust(ev, POINTS.openSoon, 'opens_this_week', { at: next.start });
  else if (next === null) adjust(ev, POINTS.noOpeningSoon, 'no_opening_soon', NONE);
  else adjust(ev, 0, 'not_open_this_week', { next: next.start });
  if (avail) {
    if (s.fitting) adjust(ev, POINTS.inAvailability, 'opening_in_availability', { at: s.fitting.start });
    else adjust(ev, POINTS.notInAvailability, 'no_opening_in_availability', NONE);
  }
  if (first?.uncertain) info(ev, 'hours_to_confirm', { comment: first.comment });
}
