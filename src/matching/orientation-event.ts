// From an orientation on the device to its anonymous event (src/domain/orientation-event.ts). The builder takes
// the whole profile and reads only where the person is, the needs and the household's size: every other field
// stays behind by construction, and the property test scans each event for every value of random profiles.

import { bandOfHousehold, MOTIFS_MAX, type OrientationEvent } from '../domain/orientation-event.ts';
import type { Profile } from '../domain/profile.ts';
import { isoWeekOf } from '../domain/time/iso-week.ts';
import type { Orientation } from './orient/types.ts';

export interface EventInput {
  id: string;
  profile: Profile;
  /** The orientation's results; null when the worker ended before any result was shown (no event then). */
  orientation: Orientation | null;
  /** Paris calendar day of the end of the orientation, `YYYY-MM-DD`: only its ISO week is kept. */
  day: string;
  referralSent: boolean;
}

/** The reason codes that excluded the most services (each counted once per service), most frequent first. */
export function mainExclusions(orientation: Orientation): string[] {
  const counts = new Map<string, number>();
  for (const result of orientation.excluded) {
    const codes = new Set(result.reasons.filter((r) => r.kind === 'excludes').map((r) => r.code));
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MOTIFS_MAX)
    .map(([code]) => code);
}

export function orientationEvent({ id, profile, orientation, day, referralSent }: EventInput): OrientationEvent | null {
  if (orientation === null || profile.besoins.length === 0) return null;
  const event: OrientationEvent = {
    id,
    semaine: isoWeekOf(day),
    besoins: [...profile.besoins].sort(),
    resultats: {
      eligibles: orientation.results.filter((r) => r.verdict === 'eligible').length,
      a_verifier: orientation.results.filter((r) => r.verdict === 'to_check').length,
      exclus: orientation.excluded.length,
    },
    motifs_exclusion: mainExclusions(orientation),
    orientation_envoyee: referralSent,
  };
  const commune = profile.lieu?.code_insee;
  if (commune !== undefined) event.commune = commune;
  const qpv = profile.lieu?.code_qpv;
  if (qpv !== undefined) event.qpv = qpv;
  if (profile.foyer) event.foyer = bandOfHousehold(profile.foyer.adultes + profile.foyer.ages_enfants.length);
  return event;
}
