// Sends the outbox, oldest first, in batches, until it is empty or the server stops answering. An entry leaves
// the outbox only when a parsed acknowledgement names it (see src/db/outbox-repo.ts); anything else — offline,
// timeout, 5xx, a malformed answer — leaves it in place for the next attempt, where the server's stored results
// make the retry harmless. Batches are cut by size as well as count (core/push-size.ts), and a 413 never stops the
// queue for good: the batch is halved down to one change, and a change refused on its own is set aside.

import { MAX_MUTATIONS_PER_PUSH, type MutationResult } from '../domain/sync-protocol.ts';
import type { OutboxEntry } from './core/outbox.ts';
import { PUSH_BODY_BUDGET, pushBodyBytes } from './core/push-size.ts';
import type { SyncTransport } from './transport.ts';
import { PayloadTooLargeError, ProtocolError } from './transport-errors.ts';

export interface OutboxOnDevice {
  /**
   * The oldest pending entries, at most `limit`, whose push body fits in `maxBytes`; an entry larger than that on
   * its own is set aside as rejected (`trop-volumineux`) and never returned (src/db/outbox-repo.ts).
   */
  takeBatch(limit: number, maxBytes: number): Promise<OutboxEntry[]>;
  acknowledge(results: readonly MutationResult[]): Promise<void>;
}

export interface PushSummary {
  applied: number;
  conflicts: number;
  rejected: number;
}

/**
 * A 413 for a body this small says the server is set wrong (a proxy's limit far too low), not that the changes are
 * too large: the push fails and is retried later, rather than setting aside every change of the outbox in turn.
 */
const SMALLEST_BELIEVABLE_LIMIT = 64 * 1024;

export async function pushOutbox(options: {
  transport: Pick<SyncTransport, 'push'>;
  outbox: OutboxOnDevice;
  clientId: string;
  batchSize?: number;
}): Promise<PushSummary> {
  const { transport, outbox, clientId, batchSize = MAX_MUTATIONS_PER_PUSH } = options;
  const summary: PushSummary = { applied: 0, conflicts: 0, rejected: 0 };
  let limit = batchSize;
  let maxBytes = PUSH_BODY_BUDGET;
  for (;;) {
    const batch = await outbox.takeBatch(limit, maxBytes);
    if (batch.length === 0) return summary;
    const mutations = batch.map((entry) => entry.mutation);
    let response: Awaited<ReturnType<SyncTransport['push']>>;
    try {
      response = await transport.push(clientId, mutations);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      const bytes = pushBodyBytes(mutations);
      if (bytes <= SMALLEST_BELIEVABLE_LIMIT) throw error;
      // Would send the same batch forever: the outbox did not honour `maxBytes`.
      if (bytes > maxBytes) throw new Error(`Lot de ${bytes} octets pris au-delà de ${maxBytes}`);
      // The server takes less than this device thought (a limit lowered, a proxy), and nothing was applied. Nothing
      // this large will pass: the next batches stay under it, with half as many changes, down to one; a change
      // refused on its own is then over `maxBytes`, and the next take sets it aside.
      maxBytes = bytes - 1;
      limit = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    const sent = new Set(batch.map((e) => e.mutationId));
    const answered = response.results.filter((r) => sent.has(r.id));
    if (answered.length === 0) throw new ProtocolError('Le serveur n’a répondu pour aucune modification envoyée');
    await outbox.acknowledge(answered);
    for (const result of answered) {
      if (result.status === 'applied') summary.applied++;
      else if (result.status === 'conflict') summary.conflicts++;
      else summary.rejected++;
    }
    // A partial answer (the server stopped early) leaves the rest for the next round, in order.
    if (answered.length < batch.length) return summary;
    limit = Math.min(batchSize, limit * 2); // back to full batches after a 413, as they keep passing
  }
}
