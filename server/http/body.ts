// Request bodies are untrusted like queries: size-limited before they are read (hono bodyLimit, a JSON 413),
// parsed as JSON (a JSON 400 when they are not), bounded in depth (a 400 naming where: nothing behind ever meets a
// value nested deeper than MAX_JSON_DEPTH), protocol-checked first (an old client's body may not match today's
// schema, it must still learn it is outdated), then parsed with the domain schema (400 naming fields). Strings,
// lists and objects are bounded by each schema, within the byte limit of each route.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { type Parsed, parse } from '../../src/domain/validation.ts';
import { type JsonLimits, jsonBoundsProblem, MAX_JSON_DEPTH } from '../sync/json-values.ts';
import { clientOutdated, payloadTooLarge } from './errors.ts';
import { checkProtocol } from './protocol.ts';
import { invalidRequest } from './query.ts';

export const KIB = 1024;
export const MIB = 1024 * KIB;

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => payloadTooLarge(c, maxBytes) });
}

const BODY_LIMITS: JsonLimits = {
  depth: MAX_JSON_DEPTH,
  string: Number.POSITIVE_INFINITY,
  items: Number.POSITIVE_INFINITY,
  keys: Number.POSITIVE_INFINITY,
  keyLength: Number.POSITIVE_INFINITY,
};

export interface ReadBodyOptions {
  /** Normalises the raw JSON before the schema sees it (e.g. upper-cases a typed code). */
  prepare?: (raw: Record<string, unknown>) => void;
  /**
   * A top-level array whose items the route judges one by one, bounds included (a push's mutations: a bad one is
   * refused alone, the others still apply; a 400 would stop the whole outbox).
   */
  apart?: string;
}

/** Reads a protocol-carrying JSON body with `schema`: the parsed value, or the Response to send (400, 426). */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  { prepare, apart }: ReadBodyOptions = {},
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: invalidRequest(c, [{ path: '', message: 'Corps JSON attendu (illisible)' }]) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, response: invalidRequest(c, [{ path: '', message: 'Objet JSON attendu' }]) };
  }
  const tooBig = jsonBoundsProblem(raw, BODY_LIMITS, apart);
  if (tooBig) return { ok: false, response: invalidRequest(c, [tooBig]) };
  const body = raw as Record<string, unknown>;
  const protocol = checkProtocol(body.protocol, 'protocol');
  if (protocol === 'outdated') return { ok: false, response: clientOutdated(c) };
  if (protocol !== 'ok') return { ok: false, response: invalidRequest(c, [protocol.problem]) };
  prepare?.(body);
  const parsed: Parsed<z.infer<S>> = parse(schema, body);
  if (!parsed.ok) return { ok: false, response: invalidRequest(c, parsed.problems) };
  return { ok: true, value: parsed.value };
}
