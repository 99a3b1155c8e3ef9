import { describe, expect, it } from 'vitest';
import { travelByMode } from '../../matching/travel.ts';
import { duration, travelText } from './travel-text.ts';

describe('the trip time next to the distance', () => {
  it('says minutes as a worker would: under five, to the five minutes, then hours', () => {
    expect(duration(3.4)).toBe('moins de 5 min');
    expect(duration(13)).toBe('≈ 15 min');
    expect(duration(58)).toBe('≈ 1 h');
    expect(duration(71)).toBe('≈ 1 h 10');
  });

  it('says the person’s own mode; by public transport, walking when it is quicker', () => {
    const near = travelByMode(0.3);
    const far = travelByMode(6);
    expect(travelText(near, 'transports')).toBe('≈ 5 min à pied');
    expect(travelText(far, 'transports')).toBe('≈ 35 min en transports');
    expect(travelText(far, 'pied')).toBe('≈ 1 h 45 à pied');
    expect(travelText(far, 'voiture')).toBe('≈ 20 min en voiture');
  });

  it('counts public transport when the mobility is not known', () => {
    expect(travelText(travelByMode(3), null)).toBe(travelText(travelByMode(3), 'transports'));
  });
});
