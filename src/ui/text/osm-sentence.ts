// An OSM `opening_hours` string the hours editor cannot show as a table, said in plain French for the person who
// keeps the listing (« Le 3e jeudi du mois : à partir de 19 h 30. »), so that no partner ever reads OSM syntax.
// Rule by rule, selector by selector; a part it cannot say makes the whole answer null, and the caller says so
// in other words (the preview of the next openings still shows what the hours mean).

const DAY_NAMES: Record<string, string> = {
  Mo: 'lundi',
  Tu: 'mardi',
  We: 'mercredi',
  Th: 'jeudi',
  Fr: 'vendredi',
  Sa: 'samedi',
  Su: 'dimanche',
};
const MONTH_NAMES: Record<string, string> = {
  Jan: 'janvier',
  Feb: 'février',
  Mar: 'mars',
  Apr: 'avril',
  May: 'mai',
  Jun: 'juin',
  Jul: 'juillet',
  Aug: 'août',
  Sep: 'septembre',
  Oct: 'octobre',
  Nov: 'novembre',
  Dec: 'décembre',
};

const list = new Intl.ListFormat('fr-FR', { type: 'conjunction' });
const rank = (n: number) => (n === -1 ? 'dernier' : n === 1 ? '1er' : `${n}e`);

/** « 9 h », « 13 h 30 ». */
export function clockWords(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return m === 0 ? `${h}\u00a0h` : `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}`;
}

function timeWords(part: string): string | null {
  let m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
  if (m) return `de ${clockWords(m[1] as string)} à ${clockWords(m[2] as string)}`;
  m = /^(\d{2}:\d{2})\+$/.exec(part);
  if (m) return `à partir de ${clockWords(m[1] as string)}`;
  return null;
}

function daysWords(selector: string): string | null {
  const parts = selector.split(',').map((p) => {
    let m = /^(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)$/.exec(p);
    if (m) return `du ${DAY_NAMES[m[1] as string]} au ${DAY_NAMES[m[2] as string]}`;
    m = /^(Mo|Tu|We|Th|Fr|Sa|Su)\[([-\d,]+)\]$/.exec(p);
    if (m) {
      const ranks = (m[2] as string).split(',').map(Number);
      if (ranks.some((n) => !Number.isInteger(n) || n === 0 || n < -1 || n > 5)) return null;
      return `le ${list.format(ranks.map(rank))} ${DAY_NAMES[m[1] as string]} du mois`;
    }
    if (p === 'PH') return 'les jours fériés';
    if (p === 'SH') return 'pendant les vacances scolaires';
    return DAY_NAMES[p] ? `le ${DAY_NAMES[p]}` : null;
  });
  return parts.includes(null) ? null : list.format(parts as string[]);
}

function dateWords(text: string): string | null {
  const m = /^(?:(\d{4}) )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: (\d{2}))?$/.exec(text);
  if (!m) return null;
  const month = MONTH_NAMES[m[2] as string] as string;
  const day = m[3] ? `${Number(m[3]) === 1 ? '1er' : Number(m[3])} ` : '';
  return `${day}${month}${m[1] ? ` ${m[1]}` : ''}`;
}

function monthsWords(selector: string): string | null {
  const [a, b, ...rest] = selector.split('-');
  if (rest.length > 0 || a === undefined) return null;
  const from = dateWords(a);
  if (b === undefined) return from && (/\d/.test(a) ? `le ${from}` : `en ${from}`);
  const to = dateWords(b);
  if (!from || !to) return null;
  // « de novembre à mars », « d’avril à octobre »; with days, « du 24 décembre au 2 janvier ».
  if (/\d/.test(a)) return `du ${from} au ${to}`;
  return `${/^[aeiou]/.test(from) ? 'd’' : 'de '}${from} à ${to}`;
}

function ruleWords(rule: string): string | null {
  if (rule === '24/7') return 'Tous les jours, 24 h sur 24';
  const comment = /\s*"([^"]*)"$/.exec(rule);
  const body = comment ? rule.slice(0, comment.index) : rule;
  const tokens = body
    .split(' ')
    .map((t) => t.replace(/:$/, ''))
    .filter(Boolean);
  const selectors: string[] = [];
  let state: string | null = null;
  const times: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token === 'off' || token === 'closed') {
      state = 'fermé';
      continue;
    }
    if (token === 'open') continue;
    const t = token.split(',').map(timeWords);
    if (!t.includes(null)) {
      times.push(...(t as string[]));
      continue;
    }
    const days = daysWords(token);
    if (days) {
      selectors.push(days);
      continue;
    }
    // Dates may take two or three tokens (« 2026 Dec 24-2027 Jan 02 », « Aug 01-Aug 20 »).
    let words: string | null = null;
    for (let n = Math.min(5, tokens.length - i); n >= 1 && !words; n--) {
      words = monthsWords(tokens.slice(i, i + n).join(' '));
      if (words) i += n - 1;
    }
    if (!words) return null;
    selectors.push(words);
  }
  const what = state ?? (times.length > 0 ? list.format(times) : comment ? '' : 'ouvert');
  const head = selectors.length > 0 ? selectors.join(', ') : 'Tous les jours';
  const sentence = `${head.charAt(0).toUpperCase()}${head.slice(1)}${what ? ` : ${what}` : ''}`;
  return comment ? `${sentence} (« ${comment[1]} »)` : sentence;
}

/** The string in French sentences, one per rule; null when a part of it has no words here. */
export function osmSentence(value: string): string | null {
  const rules = value
    .split(/\s*(?:;|\|\||,\s)\s*/)
    .map((r) => r.trim())
    .filter(Boolean);
  const sentences = rules.map(ruleWords);
  if (sentences.length === 0 || sentences.includes(null)) return null;
  return `${sentences.join('. ')}.`;
}
