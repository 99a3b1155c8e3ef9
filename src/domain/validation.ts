// The single way to parse untrusted data (request bodies, responses, IndexedDB rows, imported files): every
// failure comes back as a list of { path, message } in French, never as a thrown exception.

import { fr } from 'zod/locales';
import * as z from 'zod/mini';

z.config(fr());

export interface Problem {
  /** Dotted path to the field, e.g. `eligibilite.age_max` or `services[3].nom`; empty for the whole record. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function parse<S extends z.ZodMiniType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message)).join(' ; ');
}
