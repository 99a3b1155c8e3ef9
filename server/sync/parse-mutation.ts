// A pushed mutation is parsed on its own, apart from the batch: a malformed, oversized or unknown one is refused with
// a reason (and its id still advances the queue) instead of failing the whole push — a 400 would leave it at the
// head of the device's outbox, retried forever. Its bounds are checked first: nothing behind (the schemas' problem
// lists, comparisons, SQLite's JSON columns) meets a value nested thousands of levels deep or a million keys.
import { mutationSchema } from '../../src/domain/sync-protocol.ts';
import { parse } from '../../src/domain/validation.ts';
import type { ParsedMutation } from './decision.ts';
import { jsonBoundsProblem, MUTATION_LIMITS } from './json-values.ts';

export function parseMutation(raw: unknown): ParsedMutation {
  const tooBig = jsonBoundsProblem(raw, MUTATION_LIMITS);
  if (tooBig)
    return { ok: false, rejection: { code: 'invalide', message: 'Modification mal formée.', problems: [tooBig] } };
  const parsed = parse(mutationSchema, raw);
  if (parsed.ok) return { ok: true, mutation: parsed.value };
  if (parsed.problems.some((p) => p.path === 'name')) {
    const name = (raw as { name?: unknown }).name;
    return {
      ok: false,
      rejection: {
        code: 'mutation-inconnue',
        message: `Type de modification inconnu de ce serveur (${typeof name === 'string' ? name.slice(0, 40) : 'sans nom'}) : l’application et le serveur ne sont pas à la même version.`,
      },
    };
  }
  return { ok: false, rejection: { code: 'invalide', message: 'Modification mal formée.', problems: parsed.problems } };
}
