// The small French grammar of opening hours that french-hours.ts turns into OSM: days ("du lundi au vendredi",
// "lundi, mercredi et vendredi", "Lundi – Mardi – Jeudi", "le jeudi de la 3ème semaine du mois"), times ("de 9h à
// 12h et de 13h30 à 17h30", "9h00 > 12h30", "à 19h30"), seasons ("horaires hiver (1er novembre au 31 mars)").
// Every token of the text must be understood: one unknown word and the whole text is refused (`detail` names it),
// because a partial reading would hide what the remainder says ("sauf", "sur RDV", "fermé le…").

/** Days 0 (Monday) to 6 (Sunday); ranges in minutes from midnight, end null for "from … on" (open end). */
export interface Rule {
  /** OSM month selector of a season ("Nov-Mar", "Jul 14-Aug 15"), empty for the whole year. */
  months: string;
  days: number[];
  nth?: { day: number; n: number };
  ranges: Array<[number, number | null]>;
}

export type GrammarResult = { ok: true; rules: Rule[] } | { ok: false; detail: string };

type Token =
  | { t: 'day'; day: number }
  | { t: 'all' }
  | { t: 'nth'; day: number; n: number }
  | { t: 'time'; minutes: number }
  | { t: 'word'; w: string };

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre'];
MONTHS.push('novembre', 'decembre');
const OSM_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ORDINALS: Record<string, number> = { premier: 1, premiere: 1, deuxieme: 2, second: 2, troisieme: 3 };
Object.assign(ORDINALS, { quatrieme: 4, cinquieme: 5, dernier: -1, derniere: -1 });

/** Words that say nothing the OSM string must carry ("Horaires :", "Permanence lundi…", "sans interruption"). */
const FILLER = new Set(['horaires', 'horaire', 'permanence', 'le', 'les', 'l', "'"]);

const DAY = `(${DAYS.join('|')})s?`;
const MONTH = `(${MONTHS.join('|')})`;
const ORDINAL =
  '(\\d)\\s*(?:er|ere|e|eme|ieme)?|(premier|premiere|deuxieme|second|troisieme|quatrieme|dernier|derniere)';
const SEASON = new RegExp(
  `(?:horaires?\\s+)?(?:d'|de\\s+|d\\s+)?(?:hiver|ete)?\\s*\\(?\\s*(?:du\\s+)?(\\d{1,2})(?:er)?\\s+${MONTH}\\s+au\\s+(\\d{1,2})\\s+${MONTH}\\s*\\)?\\s*:?`,
);

const TOKEN = new RegExp(
  [
    `(?<nthA>${DAY}\\s+de\\s+la\\s+(?:${ORDINAL})\\s+semaine\\s+(?:du|de\\s+chaque)\\s+mois)`,
    `(?<nthB>(?:${ORDINAL})s?\\s+${DAY}\\s+(?:du|de\\s+chaque)\\s+mois)`,
    '(?<all>tous\\s+les\\s+jours)',
    '(?<filler>tous\\s+les\\s+(?:apres-midis?|matins?)|sans\\s+interruption|tous\\s+les)',
    '(?<time>(\\d{1,2})\\s*h\\s*(\\d{2})?|(\\d{1,2}):(\\d{2}))(?![\\d:])',
    `(?<day>${DAY})(?![a-z])`,
    "(?<word>[a-z]+|[,:.'-])",
    '(?<other>\\S+)',
  ].join('|'),
  'g',
);

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f\t]/g, ' ')
    .replace(/[–—>]/g, '-')
    .replace(/[’`]/g, "'");
}

const DAY_RE = new RegExp(DAY);
const ORDINAL_RE = new RegExp(ORDINAL);
const TIME_RE = /(\d{1,2})\s*h\s*(\d{2})?|(\d{1,2}):(\d{2})/;

/** "le jeudi de la 3ème semaine du mois", "le 1er mardi du mois": the day and its rank (-1: the last). */
function nthToken(phrase: string): Token {
  const day = DAYS.indexOf(DAY_RE.exec(phrase)?.[1] ?? '');
  const rank = ORDINAL_RE.exec(phrase);
  const n = rank?.[1] !== undefined ? Number(rank[1]) : (ORDINALS[rank?.[2] ?? ''] ?? 0);
  return { t: 'nth', day, n };
}

function tokenize(segment: string): { ok: true; tokens: Token[] } | { ok: false; detail: string } {
  const tokens: Token[] = [];
  for (const m of segment.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    if (g.nthA !== undefined || g.nthB !== undefined) {
      const token = nthToken(g.nthA ?? g.nthB ?? '');
      if (token.t !== 'nth' || token.day < 0 || token.n === 0 || token.n > 5) return { ok: false, detail: m[0] };
      tokens.push(token);
    } else if (g.all !== undefined) tokens.push({ t: 'all' });
    else if (g.filler !== undefined) continue;
    else if (g.time !== undefined) {
      const t = TIME_RE.exec(g.time);
      const hours = Number(t?.[1] ?? t?.[3]);
      const minutes = Number(t?.[2] ?? t?.[4] ?? 0);
      if (hours > 24 || minutes > 59 || hours * 60 + minutes > 1440) return { ok: false, detail: g.time };
      tokens.push({ t: 'time', minutes: hours * 60 + minutes });
    } else if (g.day !== undefined) tokens.push({ t: 'day', day: DAYS.indexOf(DAY_RE.exec(g.day)?.[1] ?? '') });
    else if (g.word !== undefined) {
      if (!FILLER.has(g.word)) tokens.push({ t: 'word', w: g.word });
    } else return { ok: false, detail: m[0] };
  }
  return { ok: true, tokens };
}

/** Days from `a` to `b` included, across the week's end ("du samedi au lundi"). */
function span(a: number, b: number): number[] {
  const days: number[] = [];
  for (let d = a; d !== b; d = (d + 1) % 7) days.push(d);
  return [...days, b];
}

/** A parser over one segment's tokens; `pos` moves as tokens are accepted. */
class Cursor {
  pos = 0;
  constructor(readonly tokens: Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  word(...words: string[]): boolean {
    const token = this.peek();
    if (token?.t === 'word' && words.includes(token.w)) {
      this.pos++;
      return true;
    }
    return false;
  }
  done(): boolean {
    while (this.word('.', ':', ',')) {
      /* trailing punctuation */
    }
    return this.pos >= this.tokens.length;
  }
}

function readDays(c: Cursor): Pick<Rule, 'days' | 'nth'> | undefined {
  const start = c.pos;
  c.word('du');
  const first = c.peek();
  if (first?.t === 'all') {
    c.pos++;
    return { days: [0, 1, 2, 3, 4, 5, 6] };
  }
  if (first?.t === 'nth') {
    c.pos++;
    return { days: [], nth: { day: first.day, n: first.n } };
  }
  if (first?.t !== 'day') {
    c.pos = start;
    return undefined;
  }
  c.pos++;
  if (c.word('au', 'a')) {
    const last = c.peek();
    if (last?.t !== 'day') return undefined;
    c.pos++;
    return { days: span(first.day, last.day) };
  }
  const days = [first.day];
  const separators: string[] = [];
  for (;;) {
    const sep = c.peek();
    const next = c.peek(1);
    if (sep?.t === 'word' && [',', 'et', '-'].includes(sep.w) && next?.t === 'day') {
      separators.push(sep.w);
      days.push(next.day);
      c.pos += 2;
    } else if (sep?.t === 'word' && sep.w === ',' && next?.t === 'word' && next.w === 'et' && c.peek(2)?.t === 'day') {
      c.pos++;
    } else break;
  }
  // "lundi-vendredi" is a range; "Lundi – Mardi – Mercredi – Vendredi" a list.
  if (days.length === 2 && separators[0] === '-') {
    const [a, b] = days as [number, number];
    return { days: span(a, b) };
  }
  return { days };
}

function readTimes(c: Cursor): Rule['ranges'] | undefined {
  const ranges: Rule['ranges'] = [];
  const start = c.pos;
  c.word(':', ',');
  for (;;) {
    const before = c.pos;
    if (ranges.length > 0 && !c.word(',', 'et', '-')) break;
    c.word('de');
    const open = c.word('a');
    const from = c.peek();
    if (from?.t !== 'time') {
      c.pos = before;
      break;
    }
    c.pos++;
    if (open) {
      // "à 19h30": a start without an end, alone.
      if (ranges.length > 0) return undefined;
      ranges.push([from.minutes, null]);
      break;
    }
    if (!c.word('a', '-')) return undefined;
    const to = c.peek();
    if (to?.t !== 'time' || to.minutes <= from.minutes) return undefined;
    c.pos++;
    ranges.push([from.minutes, to.minutes]);
  }
  if (ranges.length === 0) c.pos = start;
  return ranges.length > 0 ? ranges : undefined;
}

function seasonOf(match: RegExpExecArray): string | undefined {
  const [, d1, m1, d2, m2] = match;
  const from = MONTHS.indexOf(m1 ?? '');
  const to = MONTHS.indexOf(m2 ?? '');
  const a = Number(d1);
  const b = Number(d2);
  if (from < 0 || to < 0 || a < 1 || b < 1 || a > (MONTH_DAYS[from] ?? 0) || b > (MONTH_DAYS[to] ?? 0)) return;
  if (a === 1 && b === MONTH_DAYS[to]) return `${OSM_MONTHS[from]}-${OSM_MONTHS[to]}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${OSM_MONTHS[from]} ${pad(a)}-${OSM_MONTHS[to]} ${pad(b)}`;
}

/** Parses the whole text into rules, or says which part it did not understand. */
export function parseFrenchDaysAndTimes(text: string): GrammarResult {
  const rules: Rule[] = [];
  let months = '';
  let pendingDays: Pick<Rule, 'days' | 'nth'> | undefined;
  const segments = normalise(text)
    .split(/[\n|•;]/)
    .map((s) => s.replace(/^\s*(?:o|-)\s+/, '').trim());
  for (let segment of segments) {
    const season = SEASON.exec(segment);
    if (season) {
      const selector = seasonOf(season);
      if (!selector) return { ok: false, detail: season[0] };
      months = selector;
      segment = segment.replace(season[0], ' ');
    }
    const tokenized = tokenize(segment);
    if (!tokenized.ok) return tokenized;
    if (tokenized.tokens.length === 0) continue;
    const c = new Cursor(tokenized.tokens);
    if (pendingDays) {
      const ranges = readTimes(c);
      if (!ranges) return { ok: false, detail: segment.trim() };
      rules.push({ months, ...pendingDays, ranges });
      pendingDays = undefined;
      c.word(',', 'et');
    }
    while (!c.done()) {
      c.word('-');
      const days = readDays(c);
      if (!days) return { ok: false, detail: segment.trim() };
      c.word(':', '-');
      if (c.done()) {
        pendingDays = days;
        break;
      }
      const ranges = readTimes(c);
      if (!ranges) return { ok: false, detail: segment.trim() };
      rules.push({ months, ...days, ranges });
      c.word(',', 'et');
    }
  }
  if (pendingDays) return { ok: false, detail: 'jours sans horaires' };
  if (rules.length === 0) return { ok: false, detail: 'aucun horaire' };
  return { ok: true, rules };
}
