// Links that hand the sheet over to the device's own apps: its messages (sms:), its mail (mailto:) and its maps
// (geo: on Android, else OpenStreetMap's directions in the browser). The person's number or address goes into the
// link at the moment it is opened and nowhere else: never stored, never sent to Boussole's server. The itinerary
// holds only the partner's place, never where the person lives.

/** Digits and a leading + only: what the messages app dials. */
export function phoneDigits(phone: string): string {
  return phone.trim().replace(/(?!^\+)[^\d]/g, '');
}

/**
 * `sms:` with a body. RFC 5724 writes `?body=`; iOS reads the body after `&`: `?&body=` is read by both (Android
 * ignores the empty first parameter). Without a number, the messages app asks whom to send to.
 */
export function smsLink(phone: string, text: string): string {
  return `sms:${phoneDigits(phone)}?&body=${encodeURIComponent(text)}`;
}

/** `mailto:` (RFC 6068): line breaks as CRLF, everything percent-encoded but the address's `@`. */
export function mailtoLink(address: string, subject: string, text: string): string {
  const to = encodeURIComponent(address.trim()).replace(/%40/g, '@');
  const body = encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${body}`;
}

import type { Arret } from '../../domain/service.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';

export interface Place {
  name: string;
  /** Street lines then "69200 Vénissieux". */
  address: readonly string[];
  latitude: number | null;
  longitude: number | null;
}

/**
 * A service's place: where it takes place (else its partner's address), its exact position only when geocoded. For
 * an entry at a stop of a service that moves, the stop's place.
 */
export function placeOf(entry: ServiceEntry): Place {
  const { service, structure } = entry;
  if (entry.stop) return stopPlaceOf(entry, entry.stop);
  const place = service.lieu ?? structure;
  const address = place
    ? [
        place.adresse,
        ...(place.complement_adresse ? [place.complement_adresse] : []),
        `${place.code_postal} ${place.commune}`,
      ]
    : [];
  return {
    name: structure?.nom ?? service.nom,
    address,
    latitude: entry.locationApprox ? null : entry.latitude,
    longitude: entry.locationApprox ? null : entry.longitude,
  };
}

/** Where a service that moves stops: the name people use, the address, the commune; its position when known. */
export function stopPlaceOf(entry: ServiceEntry, stop: Arret): Place {
  const commune = stop.code_postal ? `${stop.code_postal} ${stop.commune}` : stop.commune;
  return {
    name: entry.structure?.nom ?? entry.service.nom,
    address: [...(stop.nom ? [stop.nom] : []), ...(stop.adresse ? [stop.adresse] : []), commune],
    latitude: stop.latitude,
    longitude: stop.longitude,
  };
}

/**
 * Where « Itinéraire » leads: on Android a `geo:` URI, which opens the maps app the person uses (a pin on the
 * partner, directions one tap away); elsewhere OpenStreetMap's directions with the partner as destination and the
 * start left for the person to give. Without an exact position (approximate listings), the address is searched.
 */
export function itineraryLink(place: Place, android: boolean): string {
  const address = place.address.join(', ');
  const exact = place.latitude !== null && place.longitude !== null;
  const lat = place.latitude?.toFixed(5);
  const lon = place.longitude?.toFixed(5);
  if (android) {
    return exact
      ? `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(place.name)})`
      : `geo:0,0?q=${encodeURIComponent(address)}`;
  }
  return exact
    ? `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${lat},${lon}`)}#map=17/${lat}/${lon}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** Android devices open `geo:` links in their maps app; other systems do not all know the scheme. */
export function isAndroid(userAgent: string): boolean {
  return /Android/i.test(userAgent);
}
