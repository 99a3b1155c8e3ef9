// How long the trip takes, as the results say it next to the distance: « ≈ 15 min à pied », « ≈ 30 min en
// transports », « moins de 5 min à pied », « ≈ 1 h 10 en voiture ». The matcher estimates each mode
// (src/matching/travel.ts); the card says the one the person uses — by public transport, walking when it is
// quicker — and public transport when the mobility is not known.
import type { Mobility } from '../../matching/reasons.ts';
import type { TravelMinutes } from '../../matching/travel.ts';
import { frOrientation } from '../orientation/strings-orientation.ts';

const T = frOrientation.travel;

/** Minutes as said: under 5, "moins de 5 min"; then to the 5 minutes; from an hour, "1 h", "1 h 15". */
export function duration(minutes: number): string {
  if (minutes < 5) return T.under5;
  const rounded = Math.round(minutes / 5) * 5;
  if (rounded < 60) return T.about(`${rounded} min`);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return T.about(m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`);
}

export function travelText(minutes: TravelMinutes, mode: Mobility | null): string {
  const shown: Mobility =
    mode === 'pied' || mode === 'voiture' ? mode : minutes.pied <= minutes.transports ? 'pied' : 'transports';
  return `${duration(minutes[shown])} ${T.by[shown]}`;
}
