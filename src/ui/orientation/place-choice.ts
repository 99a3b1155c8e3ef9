// Where distances start, as a worker gives it: a commune of the Métropole typed with suggestions, or the device's
// position (« Utiliser ma position », GPS, no network needed). The orientation keeps it in its profile; the
// Annuaire in memory only (`createPlaceChoice`): a position is often where the person lives, so it is never stored,
// never put in the URL, never sent — reloading forgets it.
import { computed, signal } from '@preact/signals';
import { communeByCode } from '../../domain/communes.ts';
import { communeOfPosition } from '../../domain/geo/commune-of-position.ts';
import { communeName } from './profile-draft.ts';

/** Where "Utiliser ma position" stands. */
export type Locating = 'idle' | 'locating' | 'located' | 'outside' | 'failed' | 'unsupported';
export type Position = { latitude: number; longitude: number };

class Unsupported extends Error {}

/**
 * The device's position from its GPS: no network needed (high accuracy asks the GPS rather than Wi-Fi lookups).
 * The position stays on the device.
 */
export function browserPosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Unsupported());
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      reject,
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 300_000 },
    );
  });
}

/** The position and its commune, or why there is none. */
export async function locateInMetropole(
  getPosition: () => Promise<Position>,
): Promise<{ position: Position; commune: string } | Exclude<Locating, 'idle' | 'locating' | 'located'>> {
  try {
    const position = await getPosition();
    const commune = communeOfPosition(position);
    return commune === undefined ? 'outside' : { position, commune };
  } catch (error) {
    return error instanceof Unsupported ? 'unsupported' : 'failed';
  }
}

export interface PlaceValue {
  /** As typed, or the commune found from the position. */
  communeText: string;
  /** The commune recognised (INSEE code), null while the text designates none. */
  commune: string | null;
  position: Position | null;
}

/** Where distances start: the position, else the commune's centre (then approximate); null without a place. */
export function originOf(place: PlaceValue): (Position & { approximate: boolean }) | null {
  if (place.position) return { ...place.position, approximate: false };
  const centre = place.commune ? communeByCode(place.commune)?.centre : undefined;
  return centre ? { latitude: centre.latitude, longitude: centre.longitude, approximate: true } : null;
}

const NO_PLACE: PlaceValue = { communeText: '', commune: null, position: null };

/** A place kept in memory only, for as long as the page lives (the Annuaire's « Distances depuis »). */
export function createPlaceChoice() {
  const place = signal<PlaceValue>(NO_PLACE);
  const locating = signal<Locating>('idle');
  return {
    place,
    locating,
    origin: computed(() => originOf(place.value)),
    typeCommune(text: string, code: string | null) {
      locating.value = 'idle';
      place.value = { communeText: text, commune: code, position: null };
    },
    async locate(getPosition: () => Promise<Position> = browserPosition) {
      locating.value = 'locating';
      const found = await locateInMetropole(getPosition);
      if (typeof found === 'string') {
        locating.value = found;
        return;
      }
      place.value = { position: found.position, commune: found.commune, communeText: communeName(found.commune) ?? '' };
      locating.value = 'located';
    },
    clear() {
      locating.value = 'idle';
      place.value = NO_PLACE;
    },
  };
}

export type PlaceChoice = ReturnType<typeof createPlaceChoice>;
