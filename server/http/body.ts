// Request bodies are untrusted like queries: size-limited as they are read (`limitBody`, a JSON 413),
// parsed as JSON (a JSON 400 when they are not), bounded in depth (a 400 naming where: nothing behind ever meets a
// value nested deeper than MAX_JSON_DEPTH), protocol-checked first (an old client's body may not match today's
// schema, it must still learn it is outdated), then parsed with the domain schema (400 naming fields). Strings,
// lists and objects are bounded by each schema, within the byte limit of each route.
import { Buffer } from 'node:buffer';
import type { Context, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { type Parsed, parse } from '../../src/domain/validation.ts';
import { type JsonLimits, jsonBoundsProblem, MAX_JSON_DEPTH } from '../sync/json-values.ts';
import { clientOutdated, payloadTooLarge } from './errors.ts';
import { checkProtocol } from './protocol.ts';
import { invalidRequest } from './query.ts';

export const KIB = 1024;
export const MIB = 1024 * KIB;

/**
 * How much of a refused body is still read before its 413 is sent. An answer sent before the body is read leaves
 * the rest on the connection: @hono/node-server then gives it half a second to arrive and cuts the connection, and
 * the client's next request on it (keep-alive) fails with ECONNRESET — a device's next sync, a browser's next
 * fetch. Reading (and dropping) costs what reading an accepted body would; beyond this much, a new connection costs
 * less: the 413 says `Connection: close`, so the client opens one instead of failing on a dead one.
 */
export const DRAIN_LIMIT = 4 * MIB;

/**
 * Bodies over `maxBytes` get a JSON 413. A declared length within it is trusted (Node's parser stops the body
 * there); a longer or undeclared one (chunked) is read here: kept for the route when within `maxBytes`, read to
 * its end and dropped otherwise, as long as no more than DRAIN_LIMIT (or `maxBytes`, when larger) has been read.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('transfer-encoding') ? Number.NaN : Number(c.req.header('content-length'));
    if (declared <= maxBytes) return next();
    const refuse = (close: boolean) => {
      if (close) c.header('Connection', 'close');
      return payloadTooLarge(c, maxBytes);
    };
    if (declared > DRAIN_LIMIT) return refuse(true);
    const reader = body.getReader();
    const kept: Uint8Array[] = [];
    let size = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > maxBytes && size > DRAIN_LIMIT) {
        reader.releaseLock();
        return refuse(true);
      }
      if (size <= maxBytes) kept.push(chunk.value);
    }
    if (size > maxBytes) return refuse(false);
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(kept) });
    return next();
  };
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
