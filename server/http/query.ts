// Query strings are untrusted input like any body: each route parses its query with a zod/mini schema before
// touching the store, and a malformed one gets a 400 naming every faulty parameter in French (zod's fr locale,
// configured by validation.ts, which this module imports for that effect).
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { ApiError } from '../../src/domain/api-error.ts';
import { formatPath, type Parsed, type Problem } from '../../src/domain/validation.ts';

/**
 * Parses the query of `c` with a strict object schema. Rules, so that a client bug is visible rather than
 * silently ignored:
 * - an unknown parameter is refused, named in its own problem (a typo like `limt=10` must not fall back to the
 *   default);
 * - a repeated parameter is refused (which value would win is otherwise an accident of the framework);
 * - an empty value (`cursor=`) counts as absent, as forms and URL builders produce them for "no value".
 */
export function parseQuery<S extends z.ZodMiniObject>(c: Context, schema: S): Parsed<z.infer<S>> {
  const params = new URL(c.req.url).searchParams;
  const raw: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [key, value] of params) {
    if (Object.hasOwn(raw, key)) problems.push({ path: key, message: 'Paramètre répété : une seule valeur attendue' });
    else if (value !== '') raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success && problems.length === 0) return { ok: true, value: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(schema.shape).join(', ');
      for (const key of issue.keys) problems.push({ path: key, message: `${issue.message} (attendus : ${known})` });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return { ok: false, problems };
}

/** The 400 answer for a request whose parameters do not parse. */
export function invalidRequest(c: Context, problems: Problem[]) {
  const body: ApiError = {
    error: { code: 'invalid_request', message: 'Requête invalide : voir les problèmes signalés.', problems },
  };
  return c.json(body, 400);
}

export function notFound(c: Context, message: string) {
  const body: ApiError = { error: { code: 'not_found', message } };
  return c.json(body, 404);
}
