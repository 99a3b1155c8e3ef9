// A pushed mutation is parsed on its own, apart from the batch: a malformed or unknown one is refused with a
// reason (and its id still advances the queue) instead of failing the whole push.
import { mutationSchema } from '../../src/domain/sync-protocol.ts';
import { parse } from '../../src/domain/validation.ts';
import type { ParsedMutation } from './decision.ts';

export function parseMutation(raw: unknown): ParsedMutation {
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
