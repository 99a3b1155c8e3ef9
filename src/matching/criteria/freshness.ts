// Freshness: a listing verified within its own update frequency is trusted; past it, "verification due"; over two
// years, obsolete (people get sent to closed doors: a heavy penalty, said out loud); never verified, a penalty
// counted from its last change. Never an exclusion: a stale listing may still be the only one.
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining } from './criterion.ts';

const DAY = 86_400_000;
const MONTH_DAYS = 30.44;
const OBSOLETE_MONTHS = 24;

export const freshnessCriterion: Criterion = {
  name: 'freshness',
  prepare(_person, ctx) {
    const { now } = ctx;
    const monthsSince = (t: number) => Math.max(0, Math.floor((now - t) / DAY / MONTH_DAYS));
    return (entry, ev) => {
      if (entry.verifiedAt === null) {
        if (!explaining(ev)) ev.score += POINTS.neverVerified;
        else adjust(ev, POINTS.neverVerified, 'never_verified', { months_since_change: monthsSince(entry.changedAt) });
        return;
      }
      const months = monthsSince(entry.verifiedAt);
      const obsolete = months >= OBSOLETE_MONTHS;
      const due = months >= entry.frequenceMois;
      const points = obsolete ? POINTS.obsolete : due ? POINTS.verificationDue : POINTS.verified;
      if (!explaining(ev)) ev.score += points;
      else
        adjust(ev, points, obsolete ? 'listing_obsolete' : due ? 'verification_due' : 'verified_recently', { months });
    };
  },
};
