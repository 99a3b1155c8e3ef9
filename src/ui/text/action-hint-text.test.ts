// The orientation hint reads as a worker says it: « Prochain atelier cuisine jeudi 26 mars à 14h à 550 m, sur
// inscription » (the day with its date).
import { describe, expect, it } from 'vitest';
import { actionHintText } from './action-hint-text.ts';

describe('the « prochain atelier » sentence', () => {
  it('says the kind, the day and hour in Paris, the distance and whether to register', () => {
    const now = Date.parse('2026-03-24T08:00:00Z'); // Tuesday
    const hint = {
      action_id: 'test--a1-1',
      type: 'atelier-cuisine' as const,
      titre: 'Atelier cuisine 1',
      start: Date.parse('2026-03-26T13:00:00Z'),
      day: '2026-03-26',
      time: '14:00',
      distance_km: 0.556,
      inscription_requise: true,
    };
    expect(actionHintText(hint, now)).toBe('Prochain atelier cuisine jeudi 26 mars à 14h à 550 m, sur inscription');
    expect(actionHintText({ ...hint, distance_km: null, inscription_requise: false }, now)).toBe(
      'Prochain atelier cuisine jeudi 26 mars à 14h',
    );
  });
});
