import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../domain/protocol-version.ts';
import type { Mutation } from '../domain/sync-protocol.ts';
import type { OutboxEntry } from './core/outbox.ts';
import { fittingCount, PUSH_BODY_BUDGET, pushBodyBytes } from './core/push-size.ts';
import { type OutboxOnDevice, pushOutbox } from './push.ts';
import { PayloadTooLargeError } from './transport-errors.ts';

const update = (id: number, description: string): Mutation => ({
  id,
  name: 'record.update',
  args: { kind: 'service', id: 'test--v001', base: {}, changes: { description } },
});
const entry = (mutation: Mutation): OutboxEntry => ({
  mutationId: mutation.id,
  recordKey: 'service:test--v001',
  mutation,
  sent: false,
  createdAt: '2026-12-01T10:00:00Z',
});

describe('the size of a push', () => {
  it('counts the body httpTransport sends, in UTF-8 bytes, the envelope at its longest', () => {
    const mutations = [update(1, 'Épicerie à l’écoute'), update(2, '€'.repeat(100))];
    const body = JSON.stringify({ protocol: PROTOCOL_VERSION, clientId: 'c'.repeat(24), mutations });
    const bytes = pushBodyBytes(mutations);
    expect(bytes).toBeGreaterThanOrEqual(new TextEncoder().encode(body).length);
    expect(bytes - new TextEncoder().encode(body).length).toBeLessThan(64);
    expect(fittingCount(mutations, bytes)).toBe(2);
    expect(fittingCount(mutations, bytes - 1)).toBe(1);
    expect(fittingCount(mutations, pushBodyBytes([]))).toBe(0);
  });
});

describe('a push refused as too large', () => {
  it('fails rather than send the same batch forever when the outbox ignores the size it was given', async () => {
    const big = entry(update(1, 'x'.repeat(200_000)));
    const outbox: OutboxOnDevice = { takeBatch: async () => [big], acknowledge: async () => {} };
    let pushes = 0;
    const transport = {
      push: async () => {
        if (++pushes > 3) throw new Error('sent again and again');
        throw new PayloadTooLargeError('Requête trop volumineuse');
      },
    };
    expect(pushBodyBytes([big.mutation])).toBeLessThan(PUSH_BODY_BUDGET);
    await expect(pushOutbox({ transport, outbox, clientId: 'c'.repeat(24) })).rejects.toThrow(/octets pris au-delà/);
    expect(pushes).toBe(2);
  });
});
