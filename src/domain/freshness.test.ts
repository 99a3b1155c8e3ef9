// Freshness thresholds with an injected clock: "à vérifier" after the listing's own frequency, "obsolète" after two
// years, whatever the device's clock says.
import { describe, expect, it } from 'vitest';
import { DAY_MS, freshnessState, MONTH_DAYS, monthsSince } from './freshness.ts';

const VERIFIED = Date.parse('2026-01-15T09:00:00Z');
const monthsLater = (months: number, days = 0) => VERIFIED + Math.ceil(months * MONTH_DAYS) * DAY_MS + days * DAY_MS;

describe('freshness thresholds', () => {
  it('is fresh until the update frequency, then "à vérifier", for each frequency 1, 3, 6, 12 months', () => {
    for (const frequency of [1, 3, 6, 12]) {
      expect(freshnessState(VERIFIED, frequency, monthsLater(frequency, -1))).toBe('fresh');
      expect(freshnessState(VERIFIED, frequency, monthsLater(frequency))).toBe('due');
    }
  });

  it('is obsolete after two years whatever the frequency', () => {
    expect(freshnessState(VERIFIED, 12, monthsLater(24, -1))).toBe('due');
    expect(freshnessState(VERIFIED, 12, monthsLater(24))).toBe('obsolete');
    expect(freshnessState(VERIFIED, 1, monthsLater(30))).toBe('obsolete');
  });

  it('is "never" without a verification, and never negative when the verification is ahead of the clock', () => {
    expect(freshnessState(null, 6, VERIFIED)).toBe('never');
    expect(monthsSince(VERIFIED + 3 * DAY_MS, VERIFIED)).toBe(0);
    expect(freshnessState(VERIFIED + DAY_MS, 1, VERIFIED)).toBe('fresh');
  });
});
