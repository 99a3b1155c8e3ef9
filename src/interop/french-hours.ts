// French free-text opening hours ("du lundi au vendredi de 9h à 12h") to an OSM `opening_hours` string, for the
// imports of legacy data (the 2019 Boussole). The rule is faithfulness: a text converts only when EVERY part of it
// is understood; anything else (school holidays, closures, "sur RDV", several services in one text, times like
// "1645") is left for a person to check, with the original text kept by the caller. Pure: the grammar check of
// the result is the `opening_hours` library's, handed in by the caller (it weighs 155 kB and stays out of here).
//
// What the phrases mean in OSM:
// - several lines or clauses for the same week add up per day ("lundi 9h-12h / lundi 14h-17h" is Mo 09:00-12:00,
//   14:00-17:00), since OSM's `;` would let the second replace the first;
// - "le jeudi de la 3ème semaine du mois", "le 1er mardi du mois": the nth weekday of the month, `Th[3]`, `Tu[1]`;
// - a start without an end ("à 19h30"): `19:30+`, OSM's open end, which readers show as "from 19:30, end unknown"
//   rather than inventing an end;
// - seasonal hours ("horaires hiver (1er novembre au 31 mars) : …") replace the regular ones for those months,
//   closed days included: `Nov-Mar off; Nov-Mar Mo-Fr 07:00-17:00`;
// - closures come after the hours they interrupt (`Aug off`, `Aug 01-Aug 15 off`), the public holidays last
//   (`PH off`), so that no later rule opens them again;
// - « 24h/24, 7j/7 » is `24/7`; the whole day on some days only is `00:00-24:00`.
import { type Closures, parseFrenchDaysAndTimes, type Rule } from './french-hours-grammar.ts';

export type HoursConversion =
  | { ok: true; osm: string }
  | { ok: false; reason: 'vide' | 'non-reconnu' | 'invalide-osm'; detail?: string };

const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function rangesText(ranges: ReadonlyArray<readonly [number, number | null]>): string {
  return ranges.map(([start, end]) => (end === null ? `${clock(start)}+` : `${clock(start)}-${clock(end)}`)).join(',');
}

/** `Mo-Fr`, `Mo,We,Fr`, `Mo,Tu,Th-Sa`: runs of three days or more as ranges (as the hours editor writes them). */
function daySelector(days: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const first = DAY_CODES[days[i] as number];
    const last = DAY_CODES[days[j] as number];
    if (j - i >= 2) parts.push(`${first}-${last}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_CODES[days[k] as number] as string);
    i = j + 1;
  }
  return parts.join(',');
}

function sortRanges(ranges: Array<[number, number | null]>): Array<[number, number | null]> {
  const unique = new Map(ranges.map((r) => [`${r[0]}-${r[1]}`, r]));
  return [...unique.values()].sort((a, b) => a[0] - b[0]);
}

/** The rules of one season (or of the whole year, `months` empty) as OSM rules, days merged. */
function seasonRules(months: string, rules: readonly Rule[]): string[] {
  const prefix = months ? `${months} ` : '';
  const perDay = new Map<number, Array<[number, number | null]>>();
  const nth: string[] = [];
  for (const rule of rules) {
    if (rule.nth) {
      nth.push(`${prefix}${DAY_CODES[rule.nth.day]}[${rule.nth.n.join(',')}] ${rangesText(rule.ranges)}`);
      continue;
    }
    for (const day of rule.days) perDay.set(day, [...(perDay.get(day) ?? []), ...rule.ranges]);
  }
  const bySignature = new Map<string, number[]>();
  for (const day of [...perDay.keys()].sort()) {
    const signature = rangesText(sortRanges(perDay.get(day) ?? []));
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), day]);
  }
  const weekly = [...bySignature.entries()].map(([signature, days]) => `${prefix}${daySelector(days)} ${signature}`);
  // A season replaces the regular week, its closed days included: clear the months first.
  return [...(months ? [`${months} off`] : []), ...weekly, ...nth];
}

function closureRules(closures: Closures): string[] {
  return [...closures.months.map((m) => `${m} off`), ...(closures.holidays ? ['PH off'] : [])];
}

/**
 * Converts a French hours text. `isValidOsm` is the final check (the `opening_hours` library, no warnings).
 * Never throws; an unknown phrasing is `non-reconnu`, never a guess.
 */
export function frenchHoursToOsm(text: string, isValidOsm: (osm: string) => boolean): HoursConversion {
  if (text.trim() === '') return { ok: false, reason: 'vide' };
  const parsed = parseFrenchDaysAndTimes(text);
  if (!parsed.ok) return { ok: false, reason: 'non-reconnu', detail: parsed.detail };
  const seasons = new Map<string, Rule[]>();
  for (const rule of parsed.rules) seasons.set(rule.months, [...(seasons.get(rule.months) ?? []), rule]);
  // The whole year first, then each season overriding it.
  const order = [...seasons.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  const osm = [
    ...order.flatMap((months) => seasonRules(months, seasons.get(months) ?? [])),
    ...closureRules(parsed.closures),
  ]
    .join('; ')
    .replace(/^Mo-Su 00:00-24:00(?=;|$)/, '24/7');
  if (!isValidOsm(osm)) return { ok: false, reason: 'invalide-osm', detail: osm };
  return { ok: true, osm };
}
