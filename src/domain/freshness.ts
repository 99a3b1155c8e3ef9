// How fresh a listing is, as a pure function of when it was last verified and an injected `now`: the listing
// card, the Annuaire's filter and the matcher's ranking read the same thresholds from here, so a listing never
// looks fresh on one screen and stale on another. A person sent to a closed door is the failure this guards
// against: past its own update frequency a listing is "à vérifier", after two years it is "obsolète".

export const DAY_MS = 86_400_000;
/** Average month length: thresholds are in months, and a month-end never makes a listing jump two states. */
export const MONTH_DAYS = 30.44;
export const OBSOLETE_MONTHS = 24;
/** A service's default `frequence_maj_mois`; structures have no frequency of their own and use it too. */
export const DEFAULT_FREQUENCY_MONTHS = 6;

export type FreshnessState = 'fresh' | 'due' | 'obsolete' | 'never';

/** Whole months elapsed from `from` to `now` (never negative: a server clock ahead of the device's reads 0). */
export function monthsSince(from: number, now: number): number {
  return Math.max(0, Math.floor((now - from) / DAY_MS / MONTH_DAYS));
}

/** `verifiedAt` in epoch ms, null when never verified. */
export function freshnessState(verifiedAt: number | null, frequencyMonths: number, now: number): FreshnessState {
  if (verifiedAt === null) return 'never';
  const months = monthsSince(verifiedAt, now);
  if (months >= OBSOLETE_MONTHS) return 'obsolete';
  return months >= frequencyMonths ? 'due' : 'fresh';
}

/** Epoch ms of a listing's last verification, null when never verified. */
export function verifiedAtOf(listing: { verification: { le: string } | null }): number | null {
  return listing.verification ? Date.parse(listing.verification.le) : null;
}
