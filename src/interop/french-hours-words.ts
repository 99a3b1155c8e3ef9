import { foldAccents } from '../domain/fold-accents.ts';
// The words of French opening hours, before any grammar: the text is normalised (accents, case, dashes, quotes),
// everyday shorthands are rewritten to one spelling each (« lun. » → lundi, « 7j/7 » → tous les jours, « midi » →
// 12h, « en semaine » → du lundi au vendredi), month phrases become references to OSM month selectors, and each
// segment is cut into tokens. A word the tokenizer does not know stays a `word` token, which the grammar refuses:
// nothing here may drop a word that changes the meaning.

export type Token =
  | { t: 'day'; day: number }
  | { t: 'all' }
  | { t: 'nth'; day: number; n: number[] }
  | { t: 'time'; minutes: number }
  /** « 24h/24 »: the whole day. */
  | { t: 'h24' }
  /** « matin », « après-midi », « soir »: only said before the hours they name. */
  | { t: 'part' }
  /** A month selector found by `monthReferences` (`Aug`, `Nov-Mar`, `Jul 15-Aug 20`). */
  | { t: 'months'; selector: string }
  | { t: 'holidays' }
  | { t: 'word'; w: string };

export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre'];
MONTHS.push('novembre', 'decembre');
const OSM_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ORDINAL_WORDS: Record<string, number> = { premier: 1, premiere: 1, deuxieme: 2, second: 2, seconde: 2 };
Object.assign(ORDINAL_WORDS, { troisieme: 3, quatrieme: 4, cinquieme: 5, dernier: -1, derniere: -1 });

/** Words that only introduce the hours of what the listing is about. */
const INTRODUCERS = ['accueil', 'permanence', 'distribution', 'epicerie'];
const FILLER = new Set(['horaires', 'horaire', 'le', 'les', 'l', "'", 'ouvert', 'ouverte', 'ouverts', 'ouverture']);
for (const w of INTRODUCERS) FILLER.add(w).add(`${w}s`);

const DAY = `(${DAYS.join('|')})s?`;
const MONTH = `(${MONTHS.join('|')})`;
const ORDINAL = `(?:\\d\\s*(?:er|ere|e|eme|ieme|nd|nde)?|${Object.keys(ORDINAL_WORDS).join('|')})s?`;

const TOKEN = new RegExp(
  [
    `(?<nthA>${DAY}\\s+de\\s+la\\s+${ORDINAL}\\s+semaine\\s+(?:du|de\\s+chaque)\\s+mois)`,
    `(?<nthB>(?:chaque\\s+|tous\\s+les\\s+)?${ORDINAL}(?:\\s*(?:,|et)\\s*(?:le\\s+|la\\s+)?${ORDINAL})*\\s+${DAY}\\s+(?:du|de\\s+chaque)\\s+mois)`,
    '(?<all>tous\\s+les\\s+jours)',
    '(?<filler>tous\\s+les\\s+(?:apres-midis?|matins?|soirs?)|sans\\s+interruption|en\\s+continu|non-?stop|tous\\s+les|au\\s+public)',
    '(?<h24>24\\s*h(?:eures)?\\s*(?:/|sur)\\s*24)',
    '(?<time>(\\d{1,2})\\s*h\\s*(\\d{2})?|(\\d{1,2}):(\\d{2}))(?![\\d:])',
    `(?<day>${DAY})(?![a-z])`,
    '(?<part>apres-midis?|matins?|soirs?|soirees?)(?![a-z])',
    '(?<months>@m\\d+)',
    '(?<holidays>jours?\\s+feries?)',
    "(?<word>[a-z]+|[,:.'/-])",
    '(?<other>\\S+)',
  ].join('|'),
  'g',
);

/** Lower case, no accents, one kind of space, dash and apostrophe; shorthands spelt out. */
export function normalise(text: string): string {
  let s = foldAccents(text)
    .toLowerCase()
    .replace(/[\u00a0\u202f\t]/g, ' ')
    .replace(/[–—>]/g, '-')
    .replace(/[’`]/g, "'");
  // A parenthesis that gives dates belongs to its sentence; any other is a sentence of its own.
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => (/^\s*(?:du\s+)?\d/.test(inner) ? ` ${inner} ` : `;${inner};`));
  return s
    .replace(/7\s*j(?:ours)?\s*(?:\/|sur)\s*7/g, ' tous les jours ')
    .replace(/\ben\s+semaine\b/g, ' du lundi au vendredi ')
    .replace(/\b(?:le|les)\s+week-?ends?\b/g, ' samedi et dimanche ')
    .replace(/\bjusqu'\s*(?:a|au)\b/g, ' jusqua ')
    .replace(/\ba\s+partir\s+de\b|\bdes\s+(?=\d)/g, ' apartir ')
    .replace(/\b(?:horaires?\s+d'\s*)?(?:ouverture|accueil)\s+(?:du|au)\s+public\b/g, ' accueil ')
    .replace(/\bhoraires?\s+d'\s*ouverture\b/g, ' horaires ')
    .replace(/(^|[^-])\bmidi\b/g, '$1 12h ')
    .replace(/\bminuit\b/g, ' 24h ')
    .replace(/\b(lun|mar|mer|jeu|ven|sam|dim)\b\.?/g, (_, d: string) => ` ${DAYS.find((n) => n.startsWith(d))} `)
    .replace(/(?<![\dh:]\s*)\b(\d{1,2})(?=\s*(?:a|-|jusqua)\s*\d{1,2}\s*h)/g, '$1h');
}

function monthIndex(name: string | undefined): number {
  return MONTHS.indexOf(name ?? '');
}
const pad = (n: number) => String(n).padStart(2, '0');

/** `Aug 01-Aug 15`, or whole months `Nov-Mar`; undefined for a day the month does not have. */
function dateRange(a: number, from: number, b: number, to: number): string | undefined {
  if (a < 1 || b < 1 || a > (MONTH_DAYS[from] ?? 0) || b > (MONTH_DAYS[to] ?? 0)) return undefined;
  if (a === 1 && b === MONTH_DAYS[to]) return from === to ? OSM_MONTHS[from] : `${OSM_MONTHS[from]}-${OSM_MONTHS[to]}`;
  return `${OSM_MONTHS[from]} ${pad(a)}-${OSM_MONTHS[to]} ${pad(b)}`;
}

const DATE_RANGE = new RegExp(
  `(?:\\bdu\\s+)?\\b(\\d{1,2})(?:er)?(?:\\s+${MONTH})?\\s+(?:au|a|-)\\s+(\\d{1,2})(?:er)?\\s+${MONTH}\\b`,
  'g',
);
const MONTH_RANGE = new RegExp(
  `(?:\\bde\\s+|\\bd'\\s*|\\bdu\\s+mois\\s+de\\s+)?\\b${MONTH}\\s+(?:a|au|-)\\s+(?:mois\\s+de\\s+|mois\\s+d'\\s*)?${MONTH}\\b`,
  'g',
);
const MONTH_LIST = new RegExp(
  `\\b(?:en|au\\s+mois\\s+d'|au\\s+mois\\s+de)\\s*${MONTH}(?:\\s+et\\s+(?:en\\s+)?${MONTH})?\\b`,
  'g',
);

/**
 * Replaces month phrases (« du 1er au 15 août », « de septembre à juin », « en juillet et août ») by `@mN`
 * tokens; `selectors[N]` is the OSM selector. null when a phrase names a date that does not exist.
 */
export function monthReferences(text: string): { text: string; selectors: string[] } | null {
  const selectors: string[] = [];
  let bad = false;
  const ref = (selector: string | undefined) => {
    if (selector === undefined) {
      bad = true;
      return ' ';
    }
    selectors.push(selector);
    return ` @m${selectors.length - 1} `;
  };
  let s = text.replace(DATE_RANGE, (_, d1: string, m1: string | undefined, d2: string, m2: string) => {
    const to = monthIndex(m2);
    return ref(dateRange(Number(d1), m1 === undefined ? to : monthIndex(m1), Number(d2), to));
  });
  s = s.replace(MONTH_RANGE, (_, m1: string, m2: string) =>
    ref(`${OSM_MONTHS[monthIndex(m1)]}-${OSM_MONTHS[monthIndex(m2)]}`),
  );
  s = s.replace(MONTH_LIST, (_, m1: string, m2: string | undefined) => {
    const a = monthIndex(m1);
    if (m2 === undefined) return ref(OSM_MONTHS[a]);
    const b = monthIndex(m2);
    return ref(b === (a + 1) % 12 ? `${OSM_MONTHS[a]}-${OSM_MONTHS[b]}` : `${OSM_MONTHS[a]},${OSM_MONTHS[b]}`);
  });
  // « Horaires d'hiver », « horaires d'été » only name the season whose dates follow.
  s = s.replace(/\b(?:horaires?\s+)?(?:d'\s*|de\s+|d\s+)?(?:hiver|ete)\s*:?\s*(?=@m)/g, ' ');
  return bad ? null : { text: s, selectors };
}

const DAY_RE = new RegExp(DAY);
const ORDINAL_ALL = new RegExp(`(\\d)\\s*(?:er|ere|e|eme|ieme|nd|nde)?|(${Object.keys(ORDINAL_WORDS).join('|')})`, 'g');
const TIME_RE = /(\d{1,2})\s*h\s*(\d{2})?|(\d{1,2}):(\d{2})/;

/** « le 1er et le 3e mardi du mois », « le jeudi de la 3ème semaine du mois »: the day and its ranks. */
function nthToken(phrase: string): Token | null {
  const dayMatch = DAY_RE.exec(phrase);
  const day = DAYS.indexOf(dayMatch?.[1] ?? '');
  // The ranks are the ordinals before the day's name (« de la 3ème semaine » comes after it).
  const ranks = dayMatch && dayMatch.index > 0 ? phrase.slice(0, dayMatch.index) : phrase.slice(dayMatch?.[0].length);
  const n = [...ranks.matchAll(ORDINAL_ALL)].map((m) =>
    m[1] !== undefined ? Number(m[1]) : (ORDINAL_WORDS[m[2] ?? ''] ?? 0),
  );
  if (day < 0 || n.length === 0 || n.some((x) => x === 0 || x > 5) || new Set(n).size !== n.length) return null;
  return { t: 'nth', day, n };
}

export type Tokenized = { ok: true; tokens: Token[]; introducers: Set<string> } | { ok: false; detail: string };

export function tokenize(segment: string, selectors: readonly string[]): Tokenized {
  const tokens: Token[] = [];
  const introducers = new Set<string>();
  for (const m of segment.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    if (g.nthA !== undefined || g.nthB !== undefined) {
      const token = nthToken(g.nthA ?? g.nthB ?? '');
      if (!token) return { ok: false, detail: m[0].trim() };
      tokens.push(token);
    } else if (g.all !== undefined) tokens.push({ t: 'all' });
    else if (g.filler !== undefined) continue;
    else if (g.h24 !== undefined) tokens.push({ t: 'h24' });
    else if (g.time !== undefined) {
      const t = TIME_RE.exec(g.time);
      const hours = Number(t?.[1] ?? t?.[3]);
      const minutes = Number(t?.[2] ?? t?.[4] ?? 0);
      if (hours > 24 || minutes > 59 || hours * 60 + minutes > 1440) return { ok: false, detail: g.time };
      tokens.push({ t: 'time', minutes: hours * 60 + minutes });
    } else if (g.day !== undefined) tokens.push({ t: 'day', day: DAYS.indexOf(DAY_RE.exec(g.day)?.[1] ?? '') });
    else if (g.part !== undefined) tokens.push({ t: 'part' });
    else if (g.months !== undefined) {
      const selector = selectors[Number(g.months.slice(2))];
      if (selector === undefined) return { ok: false, detail: g.months };
      tokens.push({ t: 'months', selector });
    } else if (g.holidays !== undefined) tokens.push({ t: 'holidays' });
    else if (g.word !== undefined) {
      const introducer = INTRODUCERS.find((w) => g.word === w || g.word === `${w}s`);
      if (introducer) introducers.add(introducer);
      if (!FILLER.has(g.word)) tokens.push({ t: 'word', w: g.word });
    } else return { ok: false, detail: m[0] };
  }
  return { ok: true, tokens, introducers };
}
