// Sends the outbox, oldest first, in batches, until it is empty or the server stops answering. An entry leaves
// the outbox only when a parsed acknowledgement names it (see src/db/outbox-repo.ts); anything else — offline,
// timeout, 5xx, a malformed answer — leaves it in place for the next attempt, where the server's stored results
// make the retry harmless.

import type { OutboxEntry } from '../db/database.ts';
import { MAX_MUTATIONS_PER_PUSH, type MutationResult } from '../domain/sync-protocol.ts';
import { ProtocolError, type SyncTransport } from './transport.ts';

export interface OutboxOnDevice {
  takeBatch(limit: number): Promise<OutboxEntry[]>;
  acknowledge(results: readonly MutationResult[]): Promise<void>;
}

export interface PushSummary {
  applied: number;
  conflicts: number;
  rejected: number;
}

export async function pushOutbox(options: {
  transport: Pick<SyncTransport, 'push'>;
  outbox: OutboxOnDevice;
  clientId: string;
  batchSize?: number;
}): Promise<PushSummary> {
  const { transport, outbox, clientId, batchSize = MAX_MUTATIONS_PER_PUSH } = options;
  const summary: PushSummary = { applied: 0, conflicts: 0, rejected: 0 };
  for (;;) {
    const batch = await outbox.takeBatch(batchSize);
    if (batch.length === 0) return summary;
    const response = await transport.push(
      clientId,
      batch.map((entry) => entry.mutation),
    );
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
  }
}
