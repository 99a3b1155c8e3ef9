// What the device checks of a feed page's entries on arrival: what it needs to file them — each entry's kind and
// seq, each record's id, the keys its indexes are built on (a service's structure, a structure's commune), a
// tombstone's kind and id — and conflicts whole (few, and shown as they came). The records themselves are checked
// against the domain schemas where they are read (src/db: rows read back are always parsed), not here: checking
// every record of a first download against the schemas took longer than storing them, and zod cannot compile its
// checks without `eval`, which the app's security policy forbids. A malformed record is then skipped and reported
// where it is read, as a row that no longer parses; an entry that cannot be filed refuses the whole page.
import { conflictEntrySchema, type FeedEntry } from '../domain/directory.ts';
import { RECORD_ID_PATTERN } from '../domain/primitives.ts';
import { RECORD_KINDS } from '../domain/record-keys.ts';
import { describeProblems, parse } from '../domain/validation.ts';
import { ProtocolError } from './transport-errors.ts';

const KINDS = new Set<unknown>(RECORD_KINDS);

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isSeq = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;
const isId = (value: unknown) => typeof value === 'string' && RECORD_ID_PATTERN.test(value);

/** Why an entry cannot be filed, or null. */
function problemOf(entry: unknown): string | null {
  if (!isObject(entry)) return 'objet attendu';
  if (!isSeq(entry.seq)) return 'seq : entier positif attendu';
  const { kind } = entry;
  if (kind === 'tombstone') {
    if (!KINDS.has(entry.record_kind)) return 'record_kind : type de fiche inconnu';
    return isId(entry.id) ? null : 'id : identifiant « source--id » attendu';
  }
  if (kind === 'conflict') {
    const parsed = parse(conflictEntrySchema, entry);
    return parsed.ok ? null : describeProblems(parsed.problems.slice(0, 3));
  }
  if (!KINDS.has(kind)) return 'kind : type d’entrée inconnu';
  const { record } = entry;
  if (!isObject(record)) return 'record : objet attendu';
  if (!isId(record.id)) return 'record.id : identifiant « source--id » attendu';
  if (kind === 'service' && !isId(record.structure_id)) return 'record.structure_id : identifiant attendu';
  if (kind === 'structure' && record.code_insee !== undefined && typeof record.code_insee !== 'string') {
    return 'record.code_insee : texte attendu';
  }
  return null;
}

/** The page's entries, once each can be filed; the records in them are parsed when read. */
export function checkFeedEntries(raw: readonly unknown[]): FeedEntry[] {
  raw.forEach((entry, i) => {
    const problem = problemOf(entry);
    if (problem) throw new ProtocolError(`Réponse invalide : entries[${i}] ${problem}`);
  });
  return raw as FeedEntry[];
}
