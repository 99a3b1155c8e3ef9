// Freshness: a listing verified within its own update frequency is trusted; past it, "verification due"; over two
// years, obsolete (people get sent to closed doors: a heavy penalty, said out loud); never verified, a penalty
// counted from its last change. Never an exclusion: a stale listing may still be the only one.
// Thresholds from src/domain/freshness.ts, the same as the sheet's badge and the Annuaire's filter.
import { freshnessState, monthsSince as monthsBetween } from '../../domain/freshness.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining } from './criterion.ts';

export const freshnessCriterion: Criterion = {
  name: 'freshness',
  prepare(_person, ctx) {
    const { now } = ctx;
    const monthsSince = (t: number) => monthsBetween(t, now);
    return (entry, ev) => {
      if (entry.verifiedAt === null) {
        if (!explaining(ev)) ev.score += POINTS.neverVerified;
        else adjust(ev, POINTS.neverVerified, 'never_verified', { months_since_change: monthsSince(entry.changedAt) });
        return;
      }
      const months = monthsSince(entry.verifiedAt);
      const state = freshnessState(entry.verifiedAt, entry.frequenceMois, now);
      const obsolete = state === 'obsolete';
      const due = state === 'due';
      const points = obsolete ? POINTS.obsolete : due ? POINTS.verificationDue : POINTS.verified;
      if (!explaining(ev)) ev.score += points;
      else
        adjust(ev, points, obsolete ? 'listing_obsolete' : due ? 'verification_due' : 'verified_recently', { months });
    };
  },
};
