import { describe, expect, it } from 'vitest';
import { directoryEnvelopeSchema } from './directory.ts';
import { PROTOCOL_VERSION } from './protocol-version.ts';
import { pushResponseSchema } from './sync-protocol.ts';

const page = (protocol: number) => ({
  protocol,
  epoch: 'epoch-0001',
  cursor: 0,
  hasMore: false,
  total: 0,
  entries: [],
  lastMutationId: null,
});
const pushed = (protocol: number) => ({ protocol, lastMutationId: 0, results: [] });

describe('answers across protocol versions', () => {
  it('an installed app keeps syncing after the server moves to the next protocol version', () => {
    expect(directoryEnvelopeSchema.safeParse(page(PROTOCOL_VERSION + 1)).success).toBe(true);
    expect(pushResponseSchema.safeParse(pushed(PROTOCOL_VERSION + 1)).success).toBe(true);
  });

  it('an answer from a server older than the app is refused (the app must not read it in its own shape)', () => {
    expect(directoryEnvelopeSchema.safeParse(page(PROTOCOL_VERSION - 1)).success).toBe(false);
    expect(pushResponseSchema.safeParse(pushed(PROTOCOL_VERSION - 1)).success).toBe(false);
  });
});
