// A server, the scripted network and signed-in devices, torn down when the test finishes. Each device starts with
// a first full sync, so a test begins from "everyone up to date" unless it asks otherwise.
import { onTestFinished } from 'vitest';
import type { Clock } from '../../../server/http/env.ts';
import type { Account } from '../../../src/domain/sync-protocol.ts';
import type { Fixture } from '../../integration/fixtures/directory-fixture.ts';
import { FakeLocks, SimDevice } from './device.ts';
import { ScriptedNetwork } from './network.ts';
import { type ServerUnderTest, SyncServer } from './sync-server.ts';

export interface Person {
  role: Account['role'];
  nom: string;
  structure_id?: string;
}

export const THEO: Person = { role: 'travailleur', nom: 'Théo' };
export const TINA: Person = { role: 'travailleur', nom: 'Tina' };
export const CLAIRE: Person = { role: 'coordinateur', nom: 'Claire' };
/** Speaks for test--s001 (makeDirectory's first structure). */
export const PAULINE: Person = { role: 'partenaire', nom: 'Pauline', structure_id: 'test--s001' };

let databases = 0;

export interface World {
  server: ServerUnderTest;
  network: ScriptedNetwork;
  locks: FakeLocks;
  /** Opens a device signed in as `who` (a new account each time) and syncs it once. */
  device(
    who: Person,
    options?: { now?: () => Date; timeoutMs?: number; pageSize?: number; pageRowsFrom?: number; sync?: boolean },
  ): Promise<SimDevice>;
  /** A second tab on the database of `device`, sharing its locks. */
  tab(device: SimDevice): Promise<SimDevice>;
}

export async function world(
  options: { fixture?: Fixture; clock?: Clock; start?: (fixture?: Fixture) => Promise<ServerUnderTest> } = {},
): Promise<World> {
  const { start, ...serverOptions } = options;
  const server = start ? await start(options.fixture) : await SyncServer.start(serverOptions);
  const network = new ScriptedNetwork(server.fetch);
  const locks = new FakeLocks();
  const opened: SimDevice[] = [];
  onTestFinished(async () => {
    for (const device of opened) await device.dispose();
    await server.dispose();
  });
  const names = new Map<SimDevice, string>();
  return {
    server,
    network,
    locks,
    async device(who, o = {}) {
      const database = `sync-${who.nom}-${++databases}`;
      const device = await SimDevice.open({
        network,
        database,
        locks,
        ...(o.now ? { now: o.now } : {}),
        ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
        ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize }),
        ...(o.pageRowsFrom === undefined ? {} : { pageRowsFrom: o.pageRowsFrom }),
      });
      opened.push(device);
      names.set(device, database);
      await device.signIn(await server.invite(who));
      if (o.sync !== false) {
        const status = await device.sync();
        if (status.phase !== 'idle') throw new Error(`first sync of ${who.nom}: ${status.phase} ${status.error}`);
      }
      return device;
    },
    async tab(device) {
      const database = names.get(device);
      if (!database) throw new Error('unknown device');
      const tab = await SimDevice.open({ network, database, tab: `${database}#${opened.length}`, locks });
      opened.push(tab);
      return tab;
    },
  };
}
