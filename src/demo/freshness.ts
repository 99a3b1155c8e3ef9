// When a demo listing was last changed and verified, and what temporary information it carries, relative to a
// fixed `now`, so that the demo shows every freshness state (fresh, due for verification, obsolete, never
// verified) and closures in the past, now and to come, whatever day it is run.
import type { InfoTemporaire } from '../domain/service.ts';
import { DAY_MS, parisDay } from '../domain/time/paris-time.ts';
import { HOURS } from './hours.ts';
import type { Rng } from './random.ts';

export type Freshness = 'fresh' | 'due' | 'obsolete' | 'never';

export interface DatedListing {
  date_maj: string;
  verification: { le: string; par: string } | null;
}

export function pickFreshness(rng: Rng): Freshness {
  const r = rng.next();
  if (r < 0.55) return 'fresh';
  if (r < 0.77) return 'due';
  if (r < 0.88) return 'obsolete';
  return 'never';
}

/** The Paris day `days` after `now` (negative: before), `YYYY-MM-DD`. */
export function dayOffset(nowMs: number, days: number): string {
  return parisDay(nowMs + days * DAY_MS);
}

/** An instant `days` before `now`, during working hours (UTC, second precision). */
function instantBefore(rng: Rng, nowMs: number, days: number): string {
  const day = Math.floor((nowMs - days * DAY_MS) / DAY_MS) * DAY_MS;
  const minutes = rng.int(7 * 60, 16 * 60);
  return new Date(day + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/**
 * Dates for a listing in the given state. "Fresh" is verified within its own frequency (and within 6 months);
 * "due" is past its frequency but under two years; "obsolete" is over two years; "never" has no verification.
 */
export function dated(
  rng: Rng,
  nowMs: number,
  state: Freshness,
  frequenceMois: number,
  verifiers: readonly string[],
): DatedListing {
  const period = frequenceMois * 30;
  let age: number;
  if (state === 'fresh') age = rng.int(1, Math.min(period, 180) - 3);
  else if (state === 'due') age = rng.int(period + 15, 700);
  else if (state === 'obsolete') age = rng.int(760, 1500);
  else {
    return { date_maj: dayOffset(nowMs, -rng.int(20, 1500)), verification: null };
  }
  // The content changed on the verification day or earlier (a verification often confirms without changes).
  const changedBefore = rng.chance(0.5) ? 0 : rng.int(1, 400);
  const le = instantBefore(rng, nowMs, age);
  return {
    date_maj: dayOffset(Date.parse(le), -changedBefore),
    verification: { le, par: rng.pick(verifiers) },
  };
}

const CLOSURE_REASONS = [
  'Fermeture estivale',
  'Travaux dans le local',
  'Fermeture pour inventaire',
  'Fermeture pendant les fêtes de fin d’année',
  'Bénévoles en formation',
];
const MESSAGES = [
  'Inscriptions pour la campagne d’hiver : venir avec les justificatifs de ressources',
  'Distribution exceptionnelle de jouets pour les enfants inscrits',
  'Nouveau numéro de téléphone à partir du mois prochain',
  'Recherche de bénévoles pour la distribution du samedi',
  'Arrivage de fruits et légumes frais le jeudi grâce au partenariat avec un producteur local',
];

/** Temporary information for one service: most have none; some have one or two entries. */
export function infosTemporaires(rng: Rng, nowMs: number, prefix: string): InfoTemporaire[] {
  const out: InfoTemporaire[] = [];
  const id = () => `${prefix}-i${out.length + 1}`;
  const r = rng.next();
  if (r < 0.03) {
    // Past: ended a few weeks ago, still listed until someone cleans it up.
    const start = -rng.int(60, 120);
    out.push({
      id: id(),
      type: 'fermeture',
      debut: dayOffset(nowMs, start),
      fin: dayOffset(nowMs, start + rng.int(7, 21)),
      message: rng.pick(CLOSURE_REASONS),
    });
  } else if (r < 0.07) {
    // Current: began before now; some until further notice.
    const info: InfoTemporaire = {
      id: id(),
      type: 'fermeture',
      debut: dayOffset(nowMs, -rng.int(1, 20)),
      message: rng.pick(CLOSURE_REASONS),
    };
    if (rng.chance(0.75)) info.fin = dayOffset(nowMs, rng.int(1, 30));
    out.push(info);
  } else if (r < 0.11) {
    const start = rng.int(10, 70);
    out.push({
      id: id(),
      type: 'fermeture',
      debut: dayOffset(nowMs, start),
      fin: dayOffset(nowMs, start + rng.int(3, 20)),
      message: rng.pick(CLOSURE_REASONS),
    });
  } else if (r < 0.16) {
    // Exceptional hours, now or soon (holidays): they replace the regular hours between the dates.
    const start = rng.int(-10, 50);
    out.push({
      id: id(),
      type: 'horaires-exceptionnels',
      debut: dayOffset(nowMs, start),
      fin: dayOffset(nowMs, start + rng.int(6, 16)),
      horaires: rng.pick(HOURS.exceptional),
      message: 'Horaires réduits pendant les vacances scolaires',
    });
  }
  if (rng.chance(0.08)) {
    const start = -rng.int(0, 20);
    out.push({
      id: id(),
      type: 'message',
      debut: dayOffset(nowMs, start),
      fin: dayOffset(nowMs, start + rng.int(14, 60)),
      message: rng.pick(MESSAGES),
    });
  }
  return out;
}
