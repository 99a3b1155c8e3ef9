// How fresh a listing is, in words: "Vérifié il y a 3 mois par …" or "Jamais vérifié". The thresholds are the
// domain's (src/domain/freshness.ts), shared with the matcher's ranking and the Annuaire's filter: due past the
// listing's own update frequency, obsolete after two years — a person may be sent to a closed door, so the sheet
// says it out loud.
import { DAY_MS, type FreshnessState, freshnessState, MONTH_DAYS } from '../../domain/freshness.ts';
import { frFreshness } from './strings-freshness.ts';

export { DEFAULT_FREQUENCY_MONTHS, type FreshnessState, OBSOLETE_MONTHS } from '../../domain/freshness.ts';

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
  const days = Math.max(0, Math.floor((now - instant) / DAY_MS));
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
      text: frFreshness.never(agoWords(Date.parse(listing.date_maj), now)),
      flag: frFreshness.neverFlag,
    };
  }
  const at = Date.parse(verification.le);
  const state = freshnessState(at, frequencyMonths, now);
  return {
    state,
    text: frFreshness.verified(agoWords(at, now), verification.par),
    flag: state === 'obsolete' ? frFreshness.obsolete : state === 'due' ? frFreshness.due(frequencyMonths) : null,
  };
}
