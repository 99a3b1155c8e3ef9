// A partner's hours in words for the person's sheet, in one language: the next openings written out with their
// date (« jeudi 11 mars, 14 h – 17 h »: paper is read days later, so never « demain »), the regular week
// (« Du lundi au vendredi : 9 h – 12 h, 14 h – 17 h », « Certains jeudis : 14 h – 16 h » for a monthly session)
// and the closures or exceptional hours still to come. The OSM string itself is never shown to the person.
import type { Opening } from '../../matching/hours/schedule.ts';
import type { HandoutFormat } from './handout-format.ts';
import type { HandoutWords } from './handout-languages/fr.ts';
import type { SheetHours, Slot, WeekRule } from './handout-sheet.ts';

export interface HoursInWords {
  temporary: string[];
  next: string[];
  week: string[];
  /** The partner's own note, as written. */
  note: string | null;
  /** Nothing known: « appelez avant de venir ». */
  none: boolean;
  /** The partner's reception hours, shared by the service. */
  reception: boolean;
}

/** `withPartnerText`: the hours' comments are the partner's words, printed in the French block only. */
function slots(list: readonly Slot[], w: HandoutWords, f: HandoutFormat, withPartnerText: boolean): string {
  return list
    .map((s) => `${f.slot(s.start, s.end)}${withPartnerText && s.comment ? ` (${s.comment})` : ''}`)
    .join(w.listSeparator);
}

/** « jeudi 11 mars, 14 h – 17 h ». */
export function openingInWords(o: Opening, w: HandoutWords, f: HandoutFormat, withPartnerText: boolean): string {
  return w.opening(f.day(o.day), slots([o], w, f, withPartnerText));
}

export function weekRuleInWords(rule: WeekRule, w: HandoutWords, f: HandoutFormat, withPartnerText: boolean): string {
  const days = !rule.weekly
    ? w.someDays(f.weekday(rule.from))
    : rule.to > rule.from
      ? w.dayRange(f.weekday(rule.from), f.weekday(rule.to))
      : w.oneDay(f.weekday(rule.from));
  return w.weekly(f.capitalised(days), slots(rule.slots, w, f, withPartnerText));
}

export function hoursInWords(
  hours: SheetHours,
  w: HandoutWords,
  f: HandoutFormat,
  now: number,
  withPartnerText: boolean,
): HoursInWords {
  const temporary: string[] = [];
  for (const t of hours.temporary) {
    const from = f.date(t.from, now);
    const to = t.to === null ? null : f.date(t.to, now);
    if (t.type === 'fermeture') temporary.push(w.closed(from, to));
    else if (t.type === 'horaires-exceptionnels') temporary.push(w.exceptional(from, to));
    if (withPartnerText && t.message) temporary.push(t.message);
  }
  const next = hours.next.map((o) => openingInWords(o, w, f, withPartnerText));
  const week = hours.week.map((r) => weekRuleInWords(r, w, f, withPartnerText));
  return {
    temporary,
    next,
    week,
    note: withPartnerText ? hours.note : null,
    none: next.length === 0 && week.length === 0,
    reception: hours.reception,
  };
}
