// Another worker's device, changing services on the server through the HTTP API (one push per call): what the
// delta benchmarks pull. `before` is the value the device holds (the mutation's base), so every change applies.
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import type { Mutation } from '../../src/domain/sync-protocol.ts';
import type { RunningServer } from './server-process.ts';

export interface HoursNoteChange {
  id: string;
  before: unknown;
  after: string;
}

export async function writer(server: RunningServer): Promise<(changes: readonly HoursNoteChange[]) => Promise<void>> {
  const session = await server.signIn('travailleur');
  let nextId = 1;
  return async (changes) => {
    const mutations: Mutation[] = changes.map(({ id, before, after }) => ({
      id: nextId++,
      name: 'record.update',
      args: { kind: 'service', id, base: { horaires_note: before ?? null }, changes: { horaires_note: after } },
    }));
    const response = await fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId: session.clientId, mutations }),
    });
    if (response.status !== 200) throw new Error(`writer push: HTTP ${response.status}`);
  };
}
