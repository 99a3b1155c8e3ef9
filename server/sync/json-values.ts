// Comparing, fingerprinting and bounding JSON values as they travel. On the wire an absent field and `null` are the
// same thing (JSON has no `undefined`), so comparisons treat them alike; object key order never matters.
import { createHash } from 'node:crypto';
import { formatPath, type Problem } from '../../src/domain/validation.ts';

/** A field's value as compared and stored: absent (undefined) is null. */
export function orNull(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** Structural equality of JSON values; key order is ignored, array order is not, absent equals null. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const x = orNull(a);
  const y = orNull(b);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => jsonEqual(v, y[i]));
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
  for (const key of keys) if (!jsonEqual(xo[key], yo[key])) return false;
  return true;
}

/** Text written as is by `canonicalJson`, told apart from the values still to write. */
class Written {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every level: the same value always gives the same text — the text
 * `JSON.stringify` gives with keys sorted, which stored fingerprints were made with. Written with a stack of its own
 * rather than recursion (JSON.stringify recurses): a value nested thousands of levels deep, which a hostile push
 * can carry, is fingerprinted like any other instead of exhausting the call stack.
 */
export function canonicalJson(value: unknown): string {
  let out = '';
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const item = todo.pop();
    if (item instanceof Written) out += item.text;
    else if (Array.isArray(item)) {
      out += '[';
      todo.push(new Written(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        todo.push(orNull(item[i]));
        if (i > 0) todo.push(new Written(','));
      }
    } else if (typeof item === 'object' && item !== null) {
      // Keys sorted into a new object, then read back in that object's order (integer-like keys come first in
      // JavaScript objects, `__proto__` is not kept): exactly the order of the fingerprints stored so far.
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
      const keys = Object.keys(sorted).filter((key) => sorted[key] !== undefined);
      out += '{';
      todo.push(new Written('}'));
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        todo.push(sorted[key], new Written(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`));
      }
    } else out += JSON.stringify(item);
  }
  return out;
}

/**
 * Fingerprint of a mutation as the device sent it: a retry must carry the same content under the same id. Key
 * order does not count (a device may serialise differently after an update); anything else does.
 */
export function mutationHash(rawMutation: unknown): string {
  return createHash('sha256').update(canonicalJson(rawMutation)).digest('hex');
}

/** How far a JSON value read from a request may go: nesting, and the size of each string, list and object. */
export interface JsonLimits {
  /** Levels of arrays and objects, the outermost counting 1. */
  depth: number;
  /** Characters (UTF-16 units, as zod's `maxLength` counts them) of a string value. */
  string: number;
  /** Items of an array. */
  items: number;
  /** Keys of an object. */
  keys: number;
  /** Characters of a key. */
  keyLength: number;
}

/**
 * Nesting allowed in any request body. Nothing Boussole sends comes near (a record is a few levels deep); the
 * machinery behind must never meet a deep value: recursive comparisons, and SQLite's JSON columns, whose CHECK
 * (`json_valid`) fails beyond 1,000 levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * What one pushed mutation may hold. Well above any valid record — the longest text is 10,000 characters, the
 * longest list a campaign's 2,000 partners, a record has some forty fields — so that only a broken or hostile
 * client meets them; the record schemas say the rest.
 */
export const MUTATION_LIMITS: JsonLimits = {
  depth: MAX_JSON_DEPTH,
  string: 20_000,
  items: 5_000,
  keys: 1_000,
  keyLength: 100,
};

/** Problem paths name at most this many levels: enough to find the field, short enough to be read. */
const SHOWN_LEVELS = 8;

/**
 * The first place where `value` exceeds `limits`, as a problem naming its path (relative to `value`), or null.
 * Walks with a stack of its own, so a value of any depth is measured without recursion. `apart` names a top-level
 * array whose items are left to the caller, who judges each on its own (a push's mutations, each refused alone).
 */
export function jsonBoundsProblem(value: unknown, limits: JsonLimits, apart?: string): Problem | null {
  const todo: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  const at = (path: PropertyKey[], message: string): Problem => ({
    path: path.length > SHOWN_LEVELS ? `${formatPath(path.slice(0, SHOWN_LEVELS))}…` : formatPath(path),
    message,
  });
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const { value: item, path } = next;
    if (typeof item === 'string') {
      if (item.length > limits.string) return at(path, `Texte trop long (au plus ${limits.string} caractères)`);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (path.length >= limits.depth) return at(path, `Valeur trop imbriquée (au plus ${limits.depth} niveaux)`);
    const isApart = path.length === 1 && path[0] === apart;
    if (Array.isArray(item)) {
      if (item.length > limits.items) return at(path, `Liste trop longue (au plus ${limits.items} éléments)`);
      if (!isApart) for (const [i, child] of item.entries()) todo.push({ value: child, path: [...path, i] });
      continue;
    }
    const keys = Object.keys(item);
    if (keys.length > limits.keys) return at(path, `Trop de champs (au plus ${limits.keys})`);
    for (const key of keys) {
      if (key.length > limits.keyLength)
        return at(path, `Nom de champ trop long (au plus ${limits.keyLength} caractères)`);
      todo.push({ value: (item as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/**
 * The fingerprints of a mutation as it was sent under the client ids it names in `sentBefore` (oldest first): the
 * same content, with the id it had then and the earlier sends it named then.
 */
export function earlierSends(
  rawMutation: Record<string, unknown>,
  sentBefore: ReadonlyArray<{ clientId: string; id: number }> | undefined,
): Array<{ clientId: string; id: number; hash: string }> {
  return (sentBefore ?? []).map(({ clientId, id }, i) => {
    const { sentBefore: _all, ...rest } = rawMutation;
    const then = i === 0 ? { ...rest, id } : { ...rest, id, sentBefore: sentBefore?.slice(0, i) };
    return { clientId, id, hash: mutationHash(then) };
  });
}
