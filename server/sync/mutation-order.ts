// The ordering rules of a client's mutations (docs/sync-protocol.md, "Push"), checked inside the store's
// transaction before anything is decided:
// - an id already handled returns its stored result (a lost response retried, the same batch sent twice), or is
//   refused `identifiant-reutilise` when its content differs (nothing stored, the queue is not blocked);
// - an id past the next one is a gap: nothing is done, the device is told which id the server expects — except
//   once after an epoch rotation, when the restored database cannot know the ids the lost one had acknowledged.
import type { MutationResult } from '../../src/domain/sync-protocol.ts';
import type { ApplyOutcome } from '../storage/sync-store.ts';

export interface ClientState {
  last: number;
  gapAllowed: boolean;
}

export type OrderCheck = { kind: 'next' } | Exclude<ApplyOutcome, { kind: 'unknown-client' }>;

export function checkOrder(
  client: ClientState,
  id: number,
  hash: string,
  stored: { hash: string; result: MutationResult } | undefined,
): OrderCheck {
  if (id <= client.last) {
    if (stored?.hash === hash) {
      return { kind: 'answered', result: stored.result, lastMutationId: client.last, replayed: true };
    }
    return { kind: 'reused', result: reusedId(id), lastMutationId: client.last };
  }
  if (id > client.last + 1 && !client.gapAllowed) {
    return { kind: 'gap', expected: client.last + 1, lastMutationId: client.last };
  }
  return { kind: 'next' };
}

function reusedId(id: number): MutationResult {
  return {
    id,
    status: 'rejected',
    reason: {
      code: 'identifiant-reutilise',
      message: 'Ce numéro de modification a déjà servi pour un autre contenu : la modification n’est pas appliquée.',
    },
  };
}
