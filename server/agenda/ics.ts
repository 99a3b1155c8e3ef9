// iCalendar (RFC 5545) feeds of the programme of actions, generated with ical-generator: one VEVENT per
// action, its UID stable (`<id>@boussole`, so a calendar that subscribed updates the event instead of adding a
// copy), DTSTART/DTEND in TZID=Europe/Paris with the zone's VTIMEZONE, DTSTAMP from the server's clock, SEQUENCE
// from the action's version. A recurring action keeps its RRULE (with UNTIL in UTC, as RFC 5545 requires next to
// a TZID start) and lists as EXDATE the days it does not take place — its exceptions and, when it skips them,
// the French public holidays over the next year (calendars fetch feeds again long before that runs out).
import icalGenerator from 'ical-generator';
import type { Action } from '../../src/domain/action.ts';
import { cancelledBetween, wallOfLocal } from '../../src/domain/agenda/occurrences.ts';
import { placeLine, placeOf } from '../../src/domain/agenda/place.ts';
import type { Structure } from '../../src/domain/structure.ts';
import { DAY_MS, instantOf, toLibraryDate } from '../../src/domain/time/paris-time.ts';
import { MODES_INSCRIPTION, TARIFS, TYPES_ACTION } from '../../src/domain/vocabulary.ts';
import { PUBLICS } from '../../src/domain/vocabulary-data-inclusion.ts';
import { VTIMEZONE_PARIS } from './vtimezone-paris.ts';

const TZ = 'Europe/Paris';
const EXDATE_HORIZON_DAYS = 366;

export interface IcsFeed {
  /** Shown by calendar apps as the calendar's name. */
  name: string;
  actions: readonly Action[];
  structureOf(id: string): Structure | undefined;
  /** The server's clock: DTSTAMP, and where the EXDATE window starts. */
  now: Date;
}

/** `YYYYMMDDTHHMMSS` of a Paris wall time (the TZID form). */
function localStamp(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** `YYYYMMDDTHHMMSSZ` of an instant (UNTIL next to a TZID start must be UTC). */
function utcStamp(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function recurrenceLines(action: Action, now: number): string | null {
  const { calendrier } = action;
  if (calendrier.rrule === undefined) return null;
  const until =
    calendrier.jusqu_au === undefined
      ? ''
      : `;UNTIL=${utcStamp(instantOf(wallOfLocal(`${calendrier.jusqu_au}T23:59`)))}`;
  const lines = [`RRULE:${calendrier.rrule}${until}`];
  const from = Math.min(now, instantOf(wallOfLocal(calendrier.debut)));
  const cancelled = cancelledBetween(calendrier, from, now + EXDATE_HORIZON_DAYS * DAY_MS);
  if (cancelled.length > 0) {
    const walls = cancelled.map((o) => localStamp(wallOfLocal(`${o.day}T${o.time}`)));
    lines.push(`EXDATE;TZID=${TZ}:${walls.join(',')}`);
  }
  return lines.join('\r\n');
}

function descriptionOf(action: Action): string {
  const { inscription, tarif } = action;
  const lines = [
    TYPES_ACTION[action.type],
    action.description,
    `Public : ${action.publics.map((p) => PUBLICS[p] ?? p).join(', ')}${action.precisions_public ? ` (${action.precisions_public})` : ''}`,
    inscription.requise
      ? `Inscription obligatoire : ${(inscription.modes ?? []).map((m) => MODES_INSCRIPTION[m]).join(', ')}${inscription.contact ? ` — ${inscription.contact}` : ''}`
      : 'Sans inscription',
    inscription.capacite === undefined ? undefined : `Places : ${inscription.capacite}`,
    `Tarif : ${TARIFS[tarif.type]}${tarif.precisions ? ` (${tarif.precisions})` : ''}`,
  ];
  return lines.filter((l): l is string => l !== undefined).join('\n');
}

export function icsOf({ name, actions, structureOf, now }: IcsFeed): string {
  // No calendar-wide time zone: ical-generator would then write DTSTAMP and LAST-MODIFIED without their UTC `Z`.
  // Each event names Europe/Paris instead, and the VTIMEZONE is put in below.
  const calendar = icalGenerator({
    name,
    prodId: { company: 'Métropole de Lyon', product: 'Boussole', language: 'FR' },
  });
  for (const action of actions) {
    // ical-generator reads a TZID date with the process's local getters: give it dates whose local getters read
    // the Paris wall clock, whatever the server's time zone.
    const start = wallOfLocal(action.calendrier.debut);
    const place = placeOf(action, structureOf);
    const repeating = recurrenceLines(action, now.getTime());
    calendar.createEvent({
      id: `${action.id}@boussole`,
      sequence: action.version - 1,
      stamp: now,
      start: toLibraryDate(start),
      end: toLibraryDate(start + action.calendrier.duree_minutes * 60_000),
      timezone: TZ,
      summary: action.titre,
      description: descriptionOf(action),
      ...(place ? { location: placeLine(place) } : {}),
      ...(repeating === null ? {} : { repeating }),
      lastModified: new Date(`${action.date_maj}T00:00:00Z`),
    });
  }
  const ics = calendar.toString();
  const at = ics.includes('BEGIN:VEVENT') ? ics.indexOf('BEGIN:VEVENT') : ics.indexOf('END:VCALENDAR');
  return `${ics.slice(0, at)}${VTIMEZONE_PARIS}\r\n${ics.slice(at)}`;
}
