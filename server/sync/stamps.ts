// Values the server stamps itself, whatever the device sent. A device's clock and a device's claim of who
// it is are never trusted: "Les informations sont à jour" becomes `verification: {le: server time, par: account}`,
// a new professional note gets its author and date, a refusal its coordinator and date. Pure.
import type { NotePro } from '../../src/domain/listing-annotations.ts';
import type { Problem } from '../../src/domain/validation.ts';
import type { Actor } from './decision.ts';

export type Stamped =
  | { ok: true; changes: Record<string, unknown> }
  | { ok: false; code: 'interdit' | 'invalide'; problems: Problem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `changes` of a record.update (or the fields of a record.create, `held` null) with the server's stamps. Notes
 * another professional wrote may be changed or removed by a coordinator only.
 */
export function stampChanges(
  changes: Readonly<Record<string, unknown>>,
  base: Readonly<Record<string, unknown>>,
  held: Readonly<Record<string, unknown>> | null,
  actor: Actor,
  now: Date,
): Stamped {
  const { account } = actor;
  const at = now.toISOString();
  const out: Record<string, unknown> = { ...changes };
  if ('verification' in changes) {
    // Confirming is an intent, not a value: any non-null value means "verified now, by me".
    if (!isObject(changes.verification)) {
      return invalid('verification', 'Une vérification ne peut pas être retirée');
    }
    out.verification = { le: at, par: account.nom };
  }
  if ('refus' in changes && isObject(changes.refus)) {
    out.refus = { ...changes.refus, par: account.nom, le: at };
  }
  if ('notes_pro' in changes) {
    const notes = stampNotes(changes.notes_pro, base.notes_pro, held?.notes_pro, actor, at);
    if (!notes.ok) return notes;
    out.notes_pro = notes.value;
  }
  return { ok: true, changes: out };
}

function stampNotes(
  mine: unknown,
  base: unknown,
  held: unknown,
  actor: Actor,
  at: string,
): { ok: true; value: unknown } | Extract<Stamped, { ok: false }> {
  if (!Array.isArray(mine) && mine !== null) return { ok: true, value: mine }; // the schema will say why
  const known = new Map<string, NotePro>();
  for (const list of [base, held])
    for (const n of Array.isArray(list) ? list : []) if (isObject(n)) known.set(String(n.id), n as NotePro);
  const coordinator = actor.account.role === 'coordinateur';
  const mineNotes = (mine ?? []) as unknown[];
  const mineIds = new Set(mineNotes.map((n) => (isObject(n) ? String(n.id) : '')));
  for (const [id, note] of known) {
    const touched = !mineIds.has(id) || mineNotes.some((n) => isObject(n) && n.id === id && n.texte !== note.texte);
    if (
      touched &&
      Array.isArray(base) &&
      base.some((b) => isObject(b) && b.id === id) &&
      !coordinator &&
      note.auteur?.account_id !== actor.account.id
    ) {
      return {
        ok: false,
        code: 'interdit',
        problems: [
          { path: 'notes_pro', message: 'Seul son auteur ou la coordination peut modifier ou retirer une note' },
        ],
      };
    }
  }
  const value = mineNotes.map((n) => {
    if (!isObject(n)) return n;
    const previous = known.get(String(n.id));
    // A new note is signed by whoever sends it; an existing one keeps its author and date.
    if (!previous) return { ...n, auteur: { account_id: actor.account.id, nom: actor.account.nom }, le: at };
    return { ...n, auteur: previous.auteur, le: previous.le };
  });
  return { ok: true, value };
}

function invalid(path: string, message: string): Stamped {
  return { ok: false, code: 'invalide', problems: [{ path, message }] };
}
