import { isAndroid, itineraryLink, type Place } from '../text/share-links.ts';
import { frItinerary as T } from './strings-itinerary.ts';
import { useOnline } from './use-online.ts';

/**
 * « Itinéraire » to a partner in the device's maps app (share-links.ts says which link and why), always saying that
 * it needs a connection, and what happens without one. Offline it stays a link: on Android an offline maps app
 * may still answer `geo:`, and a person on a phone often gets a signal a few steps further.
 */
export function ItineraryLink({ place }: { place: Place }) {
  const online = useOnline();
  const android = typeof navigator !== 'undefined' && isAndroid(navigator.userAgent);
  const href = itineraryLink(place, android);
  return (
    <>
      <a
        href={href}
        aria-label={T.named(place.name)}
        data-testid="itinerary"
        {...(href.startsWith('https:') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {T.label}
      </a>{' '}
      <span class="hint">{online ? T.online : T.offline}</span>
    </>
  );
}
