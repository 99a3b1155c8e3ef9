// How fresh a listing is, in words: "Vérifié il y a 3 mois par …" or "Jamais vérifié". Same thresholds as the
// matcher's freshness criterion (src/matching/criteria/freshness.ts): due past the listing's own update frequency,
// obsolete after two years — a person may be sent to a closed door, so the sheet says it out loud.
import { fr } from '../strings.ts';

const DAY = 86_400_000;
const MONTH_DAYS = 30.44;
export const OBSOLETE_MONTHS = 24;
/** Structures have no frequency of their own: the services' default. */
export const DEFAULT_FREQUENCY_MONTHS = 6;

export type FreshnessState = 'fresh' | 'due' | 'obsolete' | 'never';

export interface Freshness {
  state: FreshnessState;
  /** "Vérifié il y a 3 mois par Anne (MDM Vénissieux)" / "Jamais vérifié (dernière modification …)". */
  text: string;
  /** The warning to show next to it, when due or obsolete. */
  flag: string | null;
}

const RELATIVE = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });

/** "aujourd'hui", "il y a 5 jours", "il y a 3 mois", "il y a 2 ans". */
export function agoWords(instant: number, now: number): string {
  const days = Math.max(0, Math.floor((now - instant) / DAY));
  if (days < 31) return RELATIVE.format(-days, 'day');
  const months = Math.floor(days / MONTH_DAYS);
  if (months < 12) return RELATIVE.format(-months, 'month');
  return RELATIVE.format(-Math.floor(months / 12), 'year');
}

export function freshnessOf(
  listing: { verification: { le: string; par: string } | null; date_maj: string },
  frequencyMonths: number,
  now: number,
): Freshness {
  const { verification } = listing;
  if (verification === null) {
    return {
      state: 'never',
      text: fr.freshness.never(agoWords(Date.parse(listing.date_maj), now)),
      flag: fr.freshness.neverFlag,
    };
  }
  const at = Date.parse(verification.le);
  const months = Math.max(0, Math.floor((now - at) / DAY / MONTH_DAYS));
  const state: FreshnessState = months >= OBSOLETE_MONTHS ? 'obsolete' : months >= frequencyMonths ? 'due' : 'fresh';
  return {
    state,
    text: fr.freshness.verified(agoWords(at, now), verification.par),
    flag: state === 'obsolete' ? fr.freshness.obsolete : state === 'due' ? fr.freshness.due(frequencyMonths) : null,
  };
}
