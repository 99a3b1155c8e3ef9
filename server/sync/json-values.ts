// Comparing and fingerprinting JSON values as they travel. On the wire an absent field and `null` are the same
// thing (JSON has no `undefined`), so comparisons treat them alike; object key order never matters.
import { createHash } from 'node:crypto';

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

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/**
 * Fingerprint of a mutation as the device sent it: a retry must carry the same content under the same id. Key
 * order does not count (a device may serialise differently after an update); anything else does.
 */
export function mutationHash(rawMutation: unknown): string {
  return createHash('sha256').update(canonicalJson(rawMutation)).digest('hex');
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
