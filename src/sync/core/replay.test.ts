// A note or criterion added offline stays shown, merged, when a colleague's addition is pulled before the push.
import { describe, expect, it } from 'vitest';
import { replay } from './replay.ts';

const note = (id: string) => ({ id, texte: id, auteur: { account_id: id, nom: id }, le: '2026-11-28T10:00:00.000Z' });

describe('replaying pending edits of collections', () => {
  it('merges my pending note and criterion into a server copy that gained a colleague’s', () => {
    const server = { id: 'x--1', notes_pro: [note('theirs')], criteres: ['familles'], nom: 'Nom serveur' };
    const pending = [
      {
        mutation: {
          id: 1,
          name: 'record.update' as const,
          args: {
            kind: 'service' as const,
            id: 'x--1',
            base: { notes_pro: null, criteres: null, nom: 'Ancien' },
            changes: { notes_pro: [note('mine')], criteres: ['halal'], nom: 'Mon nom' },
          },
        },
      },
    ];
    expect(replay(server, pending)).toEqual({
      id: 'x--1',
      notes_pro: [note('theirs'), note('mine')],
      criteres: ['familles', 'halal'],
      nom: 'Mon nom',
    });
  });
});
