// What the person's sheet says about one partner, as data, computed once from the directory and written out in
// any language by handout-text.ts (the printed blocks and the shared text). Nothing about the person: only the
// partner, and how far it is from where the person lives when the orientation knew it. What the partner wrote
// (access note, hours note, temporary message, own words about the price, hours comments) is kept as written.

import { inheritsHours } from '../../domain/effective-hours.ts';
import type { OffreAlimentaire } from '../../domain/food-offer.ts';
import type { InfoTemporaire, Tarif } from '../../domain/service.ts';
import { daysFrom, parisDay, parisMinuteOfDay, weekdayOf } from '../../domain/time/paris-time.ts';
import type { FoodCategoryValue } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { computeSchedule, type Opening } from '../../matching/hours/schedule.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';
import type { RecapItem } from '../orientation/recap-model.ts';
import type { HandoutDocument } from './handout-languages/fr.ts';
import { placeOf } from './share-links.ts';

export interface Slot {
  /** Instants (epoch ms), written on the Paris clock. */
  start: number;
  end: number;
  comment: string | null;
}

/** A run of weekdays (0 Monday … 6 Sunday) open at the same times; `weekly: false` is « certains jeudis ». */
export interface WeekRule {
  from: number;
  to: number;
  weekly: boolean;
  slots: readonly Slot[];
}

export interface TemporaryNote {
  type: InfoTemporaire['type'];
  /** Paris days `YYYY-MM-DD`; `to` null: until further notice. */
  from: string;
  to: string | null;
  message: string | null;
}

export interface SheetHours {
  temporary: TemporaryNote[];
  next: Opening[];
  week: WeekRule[];
  /** The partner's note on its hours. */
  note: string | null;
  /** The hours are the partner's reception hours (the service has none of its own): « Horaires de l'accueil ». */
  reception: boolean;
}

/** How the fiche de liaison reaches the partner: sent by the worker, brought by the person, or either. */
export type FicheDelivery = 'sent' | 'brought' | 'either';

export interface PartnerSheet {
  serviceId: string;
  name: string;
  service: string;
  category: FoodCategoryValue | null;
  /** What the food is like, as the partner declared it. */
  offre: OffreAlimentaire | null;
  /** Street lines then "69200 Vénissieux". */
  address: string[];
  distance: { km: number; approximate: boolean } | null;
  stepFree: boolean;
  accessNote: string | null;
  /** null while the hours library loads. */
  hours: SheetHours | null;
  documents: HandoutDocument[];
  referral: { fiche: FicheDelivery | null; onlyByReferral: boolean; appointment: boolean; registration: boolean };
  /** The listing's price, said in each language by src/domain/price-words.ts. */
  tarif: Tarif;
  phone: string | null;
  email: string | null;
  /** null when the listing's position is approximate (the address is then the way to find it). */
  latitude: number | null;
  longitude: number | null;
}

export function partnerSheet(
  item: RecapItem,
  entry: ServiceEntry,
  engine: HoursEngine | null,
  now: number,
): PartnerSheet {
  const { service, structure } = entry;
  // At a stop of a service that moves, placeOf gives the stop's place and position; step-free access is unknown there.
  const { address, latitude, longitude } = placeOf(entry);
  const access = entry.stop ? undefined : service.lieu ? service.lieu.accessibilite : structure?.accessibilite;
  const e = service.eligibilite;
  const fiche = service.fiche_liaison;
  const byPerson = fiche.canaux.includes('sur-place');
  return {
    serviceId: service.id,
    name: structure?.nom ?? service.nom,
    service: service.nom,
    category: service.categorie ?? null,
    offre: service.offre_alimentaire ?? null,
    address: [...address],
    distance: item.distanceKm !== null ? { km: item.distanceKm, approximate: item.distanceApproximate } : null,
    stepFree: access?.pmr === true,
    accessNote: access?.note ?? null,
    hours: engine ? hoursOf(engine, entry, now) : null,
    documents: e.justificatifs.filter((j): j is HandoutDocument => j !== 'fiche-liaison'),
    referral: {
      fiche: !fiche.requise ? null : !byPerson ? 'sent' : fiche.canaux.length === 1 ? 'brought' : 'either',
      onlyByReferral: e.sur_orientation,
      appointment: e.sur_rendez_vous,
      registration: e.sur_inscription,
    },
    tarif: service.tarif,
    phone: service.telephone ?? structure?.telephone ?? null,
    email: service.courriel ?? structure?.courriel ?? null,
    latitude,
    longitude,
  };
}

function hoursOf(engine: HoursEngine, entry: ServiceEntry, now: number): SheetHours {
  return {
    temporary: temporaryNotes(entry.service.infos_temporaires, now),
    next: nextOpenings(engine, entry, now),
    week: regularWeek(engine, entry.hours, now),
    note: entry.service.horaires_note ?? (inheritsHours(entry.service) ? entry.structure?.horaires_note : null) ?? null,
    reception: inheritsHours(entry.service) && entry.hours !== null,
  };
}

/** The next openings of a service (temporary closures and exceptional hours applied), at most `count`. */
export function nextOpenings(engine: HoursEngine, entry: ServiceEntry, now: number, count = 3): Opening[] {
  const schedule = computeSchedule(
    engine,
    { regular: entry.hours, temporary: entry.temporary },
    { now, days: daysFrom(parisDay(now), 92) },
    count,
  );
  return [...(schedule.current ? [schedule.current] : []), ...schedule.next_openings].slice(0, count);
}

/** Weeks looked at to tell a weekly rule from an occasional one (a monthly session shows once or twice). */
const WEEKS = 4;

/**
 * The regular week, one rule per run of consecutive weekdays with the same hours. A weekday open on at least
 * three of the next four weeks at the same times is a weekly rule (one week may be a public holiday); fewer is
 * « certains jeudis ». Empty when the hours are unknown or never open.
 */
export function regularWeek(engine: HoursEngine, hours: string | null, now: number): WeekRule[] {
  if (hours === null || !engine.isValid(hours)) return [];
  const byWeekday: Map<string, number>[] = Array.from({ length: 7 }, () => new Map());
  const sample = new Map<string, readonly Slot[]>();
  for (const day of daysFrom(parisDay(now), 7 * WEEKS)) {
    const intervals = engine.day(hours, day);
    if (!intervals || intervals.length === 0) continue;
    // Same times and comments on the Paris clock, whatever the date (and its offset to UTC).
    const key = intervals
      .map((i) => `${parisMinuteOfDay(i.start)}-${parisMinuteOfDay(i.end)} ${i.comment ?? ''}`)
      .join('|');
    const counts = byWeekday[weekdayOf(day)] as Map<string, number>;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!sample.has(key))
      sample.set(
        key,
        intervals.map(({ start, end, comment }) => ({ start, end, comment })),
      );
  }
  // For each weekday: its most frequent hours, and whether they are weekly.
  const week = byWeekday.map((counts) => {
    let best: [string, number] | null = null;
    for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
    return best === null ? null : { key: best[0], weekly: best[1] >= WEEKS - 1 };
  });
  const rules: WeekRule[] = [];
  for (let d = 0; d < 7; d++) {
    const here = week[d];
    if (!here) continue;
    let last = d;
    while (here.weekly) {
      const next = week[last + 1];
      if (!next?.weekly || next.key !== here.key) break;
      last++;
    }
    rules.push({ from: d, to: last, weekly: here.weekly, slots: sample.get(here.key) ?? [] });
    d = last;
  }
  return rules;
}

/** Closures and exceptional hours that are current or still to come, and the partner's messages. */
export function temporaryNotes(infos: readonly InfoTemporaire[], now: number): TemporaryNote[] {
  const today = parisDay(now);
  return infos
    .filter((info) => info.fin === undefined || info.fin >= today)
    .map((info) => ({ type: info.type, from: info.debut, to: info.fin ?? null, message: info.message ?? null }));
}
