// The ordering rules of a client's mutations (docs/sync-protocol.md, "Push"), checked inside the store's
// transaction before anything is decided:
// - an id already handled returns its stored result (a lost response retried, the same batch sent twice), or is
//   refused `identifiant-reutilise` when its content differs (nothing stored, the queue is not blocked);
// - an id past the next one is a gap: nothing is done, the device is told which id the server expects — except
//   once after an epoch rotation, when the restored database cannot know the ids the lost one had acknowledged;
// - the next id, sent before under an earlier client id of the same account (`sentBefore`: a re-sign-in renumbered
//   it), is answered with the decision stored for that send when there is one: a mutation is decided once.
import type { MutationResult } from '../../src/domain/sync-protocol.ts';

/** What handling one mutation of one client comes to (server/storage/mutation-runner.ts). */
export type ApplyOutcome =
  /**
   * Decided now (`replayed: false`) or earlier (`replayed: true`): the stored result of a retry, or of an earlier
   * send under another client id of the same account (`from`).
   */
  | {
      kind: 'answered';
      result: MutationResult;
      lastMutationId: number;
      replayed: boolean;
      from?: { clientId: string; id: number };
    }
  /** The id was used before for another content: refused, nothing stored, lastMutationId unchanged. */
  | { kind: 'reused'; result: MutationResult; lastMutationId: number }
  /** Mutations are missing before this one: nothing done. */
  | { kind: 'gap'; expected: number; lastMutationId: number }
  /** The client id belongs to no device (the route checks ownership first; this guards the store). */
  | { kind: 'unknown-client' };

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

/** An earlier send of a mutation (`sentBefore`), with the fingerprint of its content as it was sent then. */
export interface EarlierSend {
  clientId: string;
  id: number;
  hash: string;
}

/** What the store holds for a client's mutation id: the client's account, the fingerprint, the answer. */
export type StoredSend = { accountId: string; hash: string; result: MutationResult } | undefined;

/**
 * The answer of the first earlier send the store decided, by a client of the same account and for the same
 * content, renumbered to `id`; undefined when none was decided (it never arrived, or the database was restored).
 */
export async function earlierAnswer(
  id: number,
  accountId: string,
  sends: readonly EarlierSend[],
  stored: (clientId: string, id: number) => Promise<StoredSend>,
): Promise<{ result: MutationResult; from: { clientId: string; id: number } } | undefined> {
  for (const send of sends) {
    const found = await stored(send.clientId, send.id);
    if (found?.accountId === accountId && found.hash === send.hash) {
      return { result: { ...found.result, id }, from: { clientId: send.clientId, id: send.id } };
    }
  }
  return undefined;
}
