// The small French grammar of opening hours that french-hours.ts turns into OSM. A sentence is days then hours
// (« du lundi au vendredi de 9h à 12h et de 13h30 à 17h30 », « lun-ven 9h-12h ») or hours then days (« 9h-12h du
// lundi au vendredi »); days may be lists, ranges, « tous les jours », « sauf » some of them, or the nth weekdays of
// the month (« le 1er et le 3e mardi du mois »); hours may be named by a part of the day (« le matin de 9h à
// 12h »), open-ended (« à partir de 18h »), or the whole day (« 24h/24 »). Closures are said with « fermé »: the
// public holidays, a month or dates (« fermé en août », « du 1er au 15 août »), days (« fermé le lundi »); a season
// (« de septembre à juin : … ») applies to the sentences after it.
// Every token must be understood: one unknown word and the whole text is refused (`detail` names it), because a
// partial reading would hide what the remainder says (« sauf le mercredi après-midi », « sur RDV », « un samedi
// sur deux »).
import { monthReferences, normalise, type Token, tokenize } from './french-hours-words.ts';

/** Days 0 (Monday) to 6 (Sunday); ranges in minutes from midnight, end null for "from … on" (open end). */
export interface Rule {
  /** OSM month selector of a season ("Nov-Mar", "Jul 15-Aug 20"), empty for the whole year. */
  months: string;
  days: number[];
  nth?: { day: number; n: number[] };
  ranges: Array<[number, number | null]>;
}

export interface Closures {
  holidays: boolean;
  /** OSM month selectors closed (« fermé en août »). */
  months: string[];
  /** Days said closed: only a check, since a day no rule opens is closed already. */
  days: number[];
}

export type GrammarResult = { ok: true; rules: Rule[]; closures: Closures } | { ok: false; detail: string };

type Days = Pick<Rule, 'days' | 'nth'>;
const WHOLE_DAY: [number, number] = [0, 1440];

/** Days from `a` to `b` included, across the week's end ("du samedi au lundi"). */
function span(a: number, b: number): number[] {
  const days: number[] = [];
  for (let d = a; d !== b; d = (d + 1) % 7) days.push(d);
  return [...days, b];
}

class Refused extends Error {}

/** A parser over one segment's tokens; `pos` moves as tokens are accepted. */
class Cursor {
  pos = 0;
  constructor(readonly tokens: Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  is(t: Token['t'], offset = 0): boolean {
    return this.peek(offset)?.t === t;
  }
  word(...words: string[]): boolean {
    const token = this.peek();
    if (token?.t === 'word' && words.includes(token.w)) {
      this.pos++;
      return true;
    }
    return false;
  }
  isWord(offset: number, ...words: string[]): boolean {
    const token = this.peek(offset);
    return token?.t === 'word' && words.includes(token.w);
  }
  done(): boolean {
    while (this.word('.', ':', ',')) {
      /* trailing punctuation */
    }
    return this.pos >= this.tokens.length;
  }
}

/** « lundi », « lundi, mardi et jeudi », « du lundi au vendredi », « lundi-vendredi ». */
function readDayList(c: Cursor): number[] | undefined {
  c.word('du');
  const first = c.peek();
  if (first?.t !== 'day') return undefined;
  c.pos++;
  if (c.word('au', 'a', 'jusqua')) {
    const last = c.peek();
    if (last?.t !== 'day') throw new Refused();
    c.pos++;
    return span(first.day, last.day);
  }
  const days = [first.day];
  const separators: string[] = [];
  for (;;) {
    if (c.isWord(0, ',', 'et', '-') && c.is('day', 1)) {
      separators.push((c.peek() as { w: string }).w);
      days.push((c.peek(1) as { day: number }).day);
      c.pos += 2;
    } else if (c.isWord(0, ',') && c.isWord(1, 'et') && c.is('day', 2)) c.pos++;
    else break;
  }
  // "lundi-vendredi" is a range; "Lundi – Mardi – Mercredi – Vendredi" a list.
  if (days.length === 2 && separators[0] === '-') return span(days[0] as number, days[1] as number);
  return days;
}

function readDays(c: Cursor): Days | undefined {
  const start = c.pos;
  c.word('du');
  const first = c.peek();
  let days: number[] | undefined;
  if (first?.t === 'all') {
    c.pos++;
    days = [0, 1, 2, 3, 4, 5, 6];
  } else if (first?.t === 'nth') {
    c.pos++;
    return { days: [], nth: { day: first.day, n: first.n } };
  } else {
    c.pos = start;
    days = readDayList(c);
  }
  if (!days) {
    c.pos = start;
    return undefined;
  }
  if (c.isWord(0, 'sauf') && c.is('day', 1)) {
    c.pos++;
    const except = readDayList(c) ?? [];
    // « sauf le mercredi après-midi » closes part of a day: more than this grammar says.
    if (c.is('part')) throw new Refused();
    days = days.filter((d) => !except.includes(d));
    if (days.length === 0) throw new Refused();
  }
  return { days };
}

function readTimes(c: Cursor): Rule['ranges'] | undefined {
  const ranges: Rule['ranges'] = [];
  const start = c.pos;
  c.word(':', ',');
  for (;;) {
    const before = c.pos;
    if (ranges.length > 0 && !c.word(',', 'et', '-', '/')) break;
    const part = c.is('part');
    if (part) {
      c.pos++;
      c.word(':', ',');
    }
    c.word('de');
    if (c.is('h24')) {
      c.pos++;
      ranges.push([...WHOLE_DAY]);
      continue;
    }
    const open = c.word('a', 'apartir');
    const from = c.peek();
    if (from?.t !== 'time') {
      // A part of the day names the hours that follow it; alone, it says hours nobody wrote.
      if (part) throw new Refused();
      c.pos = before;
      break;
    }
    c.pos++;
    if (open) {
      // « à 19h30 », « à partir de 18h »: a start without an end, alone.
      if (ranges.length > 0) throw new Refused();
      ranges.push([from.minutes, null]);
      break;
    }
    if (!c.word('a', '-', 'jusqua')) throw new Refused();
    const to = c.peek();
    if (to?.t !== 'time' || to.minutes <= from.minutes) throw new Refused();
    c.pos++;
    ranges.push([from.minutes, to.minutes]);
  }
  if (ranges.length === 0) c.pos = start;
  return ranges.length > 0 ? ranges : undefined;
}

/** « de 9h à 17h sauf le mercredi »: days taken out of the rule just read. */
function exceptAfter(c: Cursor, rule: Rule | undefined): void {
  if (!c.isWord(0, 'sauf') || !c.is('day', 1)) return;
  if (!rule || rule.nth) throw new Refused();
  c.pos++;
  const except = readDayList(c) ?? [];
  if (c.is('part')) throw new Refused();
  rule.days = rule.days.filter((d) => !except.includes(d));
  if (rule.days.length === 0) throw new Refused();
}

/** After « fermé »: the public holidays, months or dates, days; joined by « et » or commas. */
function readClosure(c: Cursor, closures: Closures): void {
  c.word('annuelle');
  for (;;) {
    const token = c.peek();
    if (token?.t === 'holidays') {
      c.pos++;
      closures.holidays = true;
    } else if (token?.t === 'months') {
      c.pos++;
      closures.months.push(token.selector);
    } else {
      const days = readDayList(c);
      if (!days) throw new Refused();
      closures.days.push(...days);
    }
    const next = c.peek(1)?.t;
    if (!c.isWord(0, ',', 'et') || (next !== 'holidays' && next !== 'months' && next !== 'day')) return;
    c.pos++;
  }
}

/** Parses the whole text into rules and closures, or says which part it did not understand. */
export function parseFrenchDaysAndTimes(text: string): GrammarResult {
  const referenced = monthReferences(normalise(text));
  if (!referenced) return { ok: false, detail: 'date' };
  const rules: Rule[] = [];
  const closures: Closures = { holidays: false, months: [], days: [] };
  const introducers = new Set<string>();
  let months = '';
  let pendingDays: Days | undefined;
  const segments = referenced.text.split(/[\n|•;]/).map((s) => s.replace(/^\s*(?:o|-)\s+/, '').trim());
  for (const segment of segments) {
    const tokenized = tokenize(segment, referenced.selectors);
    if (!tokenized.ok) return tokenized;
    for (const w of tokenized.introducers) introducers.add(w);
    if (tokenized.tokens.length === 0) continue;
    const c = new Cursor(tokenized.tokens);
    try {
      if (pendingDays) {
        if (c.word('ferme')) closures.days.push(...pendingDays.days);
        else {
          const ranges = readTimes(c);
          if (!ranges) return { ok: false, detail: segment };
          rules.push({ months, ...pendingDays, ranges });
        }
        pendingDays = undefined;
        c.word(',', 'et');
      }
      while (!c.done()) {
        c.word('-');
        const token = c.peek();
        let read: Rule | undefined;
        if (c.word('ferme', 'fermee', 'fermeture')) {
          readClosure(c, closures);
        } else if (c.isWord(0, 'sauf', 'hors') && (c.is('holidays', 1) || c.is('months', 1))) {
          c.pos++;
          readClosure(c, closures);
        } else if (token?.t === 'months') {
          // A season: the sentences after it are its hours.
          c.pos++;
          months = token.selector;
          c.word(':', ',');
        } else if (token?.t === 'time' || token?.t === 'h24' || token?.t === 'part' || c.isWord(0, 'de')) {
          const ranges = readTimes(c);
          c.word(',', 'et');
          const days = ranges && readDays(c);
          if (!ranges || !days) return { ok: false, detail: segment };
          read = { months, ...days, ranges };
          rules.push(read);
        } else {
          const days = readDays(c);
          if (!days) return { ok: false, detail: segment };
          c.word(':', '-');
          if (c.done()) {
            pendingDays = days;
            break;
          }
          if (c.word('ferme', 'fermee')) {
            closures.days.push(...days.days);
          } else {
            const ranges = readTimes(c);
            if (!ranges) return { ok: false, detail: segment };
            read = { months, ...days, ranges };
            rules.push(read);
          }
        }
        exceptAfter(c, read);
        c.word(',', 'et');
      }
    } catch (e) {
      if (e instanceof Refused) return { ok: false, detail: segment };
      throw e;
    }
  }
  // Two kinds of activity in one text (« permanence … distribution … ») are two services' hours.
  if (introducers.size > 1) return { ok: false, detail: [...introducers].join(', ') };
  if (pendingDays) return { ok: false, detail: 'jours sans horaires' };
  if (rules.length === 0) return { ok: false, detail: 'aucun horaire' };
  const opened = new Set(rules.flatMap((r) => (r.nth ? [r.nth.day] : r.days)));
  if (closures.days.some((d) => opened.has(d))) return { ok: false, detail: 'jour ouvert et fermé' };
  return { ok: true, rules, closures };
}
