// What the server shows one reader, read from cursor 0 outside the scripted network, and the comparison of a
// device's copy with it: the definition of "this device has converged".
import { expect } from 'vitest';
import { directoryPageSchema } from '../../../src/domain/directory.ts';
import type { Service } from '../../../src/domain/service.ts';
import type { Structure } from '../../../src/domain/structure.ts';
import type { Conflict } from '../../../src/domain/sync-protocol.ts';
import type { SimDevice } from './device.ts';
import type { ServerUnderTest } from './sync-server.ts';

export interface ServerView {
  structures: Structure[];
  services: Service[];
  conflicts: Conflict[];
}

const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));

/** Every record and conflict the reader with `token` (anonymous when null) may see, from a full download. */
export async function serverView(server: ServerUnderTest, token: string | null): Promise<ServerView> {
  const view: ServerView = { structures: [], services: [], conflicts: [] };
  let cursor = 0;
  for (;;) {
    const response = await server.app.request(`/api/v1/directory?cursor=${cursor}&limit=2000`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (response.status !== 200) throw new Error(`serverView: HTTP ${response.status}`);
    const page = directoryPageSchema.parse(await response.json());
    for (const entry of page.entries) {
      if (entry.kind === 'structure') view.structures.push(entry.record);
      else if (entry.kind === 'service') view.services.push(entry.record);
      else if (entry.kind === 'conflict') view.conflicts.push(entry.conflict);
    }
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  return { structures: byId(view.structures), services: byId(view.services), conflicts: byId(view.conflicts) };
}

/** The device holds exactly what the server shows it, nothing pending, conflicts included. */
export async function expectConverged(device: SimDevice, server: ServerUnderTest): Promise<void> {
  const local = await device.snapshot();
  const remote = await serverView(server, device.authToken);
  expect(local.outbox, `${device.tab}: outbox`).toEqual([]);
  expect(local.shadows, `${device.tab}: shadows`).toBe(0);
  expect(local.structures, `${device.tab}: structures`).toEqual(remote.structures);
  expect(local.services, `${device.tab}: services`).toEqual(remote.services);
  expect(
    local.conflicts.map(({ recordKey: _key, ...conflict }) => conflict),
    `${device.tab}: conflicts`,
  ).toEqual(remote.conflicts);
}
