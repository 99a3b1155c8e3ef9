// Request bodies are untrusted like queries: size-limited before they are read (hono bodyLimit, a JSON 413),
// parsed as JSON (a JSON 400 when they are not), protocol-checked first (an old client's body may not match
// today's schema, it must still learn it is outdated), then parsed with the domain schema (400 naming fields).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { type Parsed, parse } from '../../src/domain/validation.ts';
import { clientOutdated, payloadTooLarge } from './errors.ts';
import { checkProtocol } from './protocol.ts';
import { invalidRequest } from './query.ts';

export const KIB = 1024;
export const MIB = 1024 * KIB;

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => payloadTooLarge(c, maxBytes) });
}

/**
 * Reads a protocol-carrying JSON body with `schema`: the parsed value, or the Response to send (400, 426). `prepare`
 * may normalise the raw JSON first (e.g. upper-case a typed code).
 */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  prepare: (raw: Record<string, unknown>) => void = () => {},
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
  const body = raw as Record<string, unknown>;
  const protocol = checkProtocol(body.protocol, 'protocol');
  if (protocol === 'outdated') return { ok: false, response: clientOutdated(c) };
  if (protocol !== 'ok') return { ok: false, response: invalidRequest(c, [protocol.problem]) };
  prepare(body);
  const parsed: Parsed<z.infer<S>> = parse(schema, body);
  if (!parsed.ok) return { ok: false, response: invalidRequest(c, parsed.problems) };
  return { ok: true, value: parsed.value };
}
