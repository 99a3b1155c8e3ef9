// The random things people and networks do in the convergence test: edits of a few fields with few values (so
// that devices often touch the same field) and of one field whose every value is new (it names the edit:
// fuzz-edits.ts), creations and deletions, conflict resolutions, syncs through a lossy network (hung requests, the
// server killed in the middle of one), partitions, device and server restarts, revoked tokens, the server's
// database backed up, then restored and given a new epoch. Every choice comes from the seeded PRNG.
import { readRecords } from '../../../src/db/record-reads.ts';
import type { Rng } from '../../../src/demo/random.ts';
import type { RecordKind } from '../../../src/domain/sync-protocol.ts';
import { makeService, makeStructure } from '../../integration/fixtures/directory-fixture.ts';
import type { SimDevice } from '../harness/device.ts';
import type { Fault } from '../harness/network.ts';
import type { Person, World } from '../harness/world.ts';
import { NOTE_FIELD, newNote } from './fuzz-edits.ts';
import { acted, type Ledger, madeOn } from './fuzz-ledger.ts';

export interface Actor {
  name: string;
  person: Person & { account_id?: string };
  device: SimDevice;
}

export interface FuzzState {
  rng: Rng;
  world: World;
  actors: Actor[];
  /** What happened, for the failure message. */
  trace: string[];
  created: number;
  /** Edits of NOTE_FIELD so far (each writes « Note n »). */
  notes: number;
  ledger: Ledger;
  /** What people did to records on their devices during the current step (fuzz-ledger.ts `acted`). */
  local: Set<string>;
  /** Backups of the server's database taken so far, to restore one later. */
  backups: string[];
}

// The fuzz edits the directory's listings; actions go through the same code paths (tests/sync/actions.test.ts).
const VALUES: Record<'structure' | 'service', Record<string, readonly unknown[]>> = {
  structure: {
    telephone: ['04 00 00 00 01', '04 00 00 00 02', '04 00 00 00 03', null],
    [NOTE_FIELD]: [],
    nom: ['Épicerie du pont', 'Épicerie de la place'],
    visibilite: ['public', 'professionnels'],
  },
  service: {
    nom: ['Colis du mardi', 'Colis du jeudi', 'Panier solidaire'],
    description: ['Colis chaque semaine.', 'Sur orientation seulement.'],
    [NOTE_FIELD]: [],
    visibilite: ['public', 'professionnels'],
  },
};

const FAULTS: readonly Fault[] = [
  'drop-request',
  'drop-response',
  'duplicate',
  'late-duplicate',
  'server-error',
  'server-error-after',
  'non-json',
  'timeout',
  'timeout-after',
  'hang',
  'hang-after',
  'kill',
  'revoked-after',
];

/**
 * Faults for requests: each request fails with probability `rate`, in one of the ways a network (or the server)
 * fails; a killed server commits 0 to 2 of the push's mutations before dying.
 */
export function lossyNetwork(state: FuzzState, rate: number): void {
  const { network, server } = state.world;
  network.chooser = () => (state.rng.chance(rate) ? state.rng.pick(FAULTS) : 'deliver');
  network.serverFaults = {
    kill: (request) => server.killDuring(request, state.rng.int(0, 2)),
    revoke: (request) => server.revokeSender(request),
  };
}

async function localRecord(actor: Actor, kind: RecordKind, rng: Rng) {
  const ids = (await readRecords(actor.device.db, kind)).map((record) => record.id);
  return ids.length === 0 ? undefined : rng.pick(ids.sort());
}

async function edit(state: FuzzState, actor: Actor) {
  const { rng } = state;
  const kind: RecordKind = rng.chance(0.5) ? 'structure' : 'service';
  const id = await localRecord(actor, kind, rng);
  if (!id) return `${actor.name} n'a pas de ${kind}`;
  const fields = Object.keys(VALUES[kind]).filter((f) => f !== 'visibilite' || rng.chance(0.3));
  const changes: Record<string, unknown> = {};
  for (const field of rng.sample(fields, rng.int(1, 2))) {
    changes[field] =
      field === NOTE_FIELD ? (rng.chance(0.85) ? newNote(state) : null) : rng.pick(VALUES[kind][field] ?? []);
  }
  state.local.add(acted(actor, 'edit', kind, id));
  const parsed = await actor.device.tryEdit(kind, id, changes);
  if (parsed.ok) madeOn(state, actor, kind, id, changes[NOTE_FIELD]);
  return `${actor.name} modifie ${id} ${JSON.stringify(changes)}${parsed.ok ? '' : ' (refusé localement)'}`;
}

async function create(state: FuzzState, actor: Actor) {
  const { rng } = state;
  const n = ++state.created;
  if (rng.chance(0.2)) {
    const record = { ...makeStructure(100 + n), id: `fuzz--s${n}` };
    await actor.device.tryCreate('structure', record);
    return `${actor.name} crée la structure ${record.id}`;
  }
  const structureId = await localRecord(actor, 'structure', rng);
  if (!structureId) return `${actor.name} n'a pas de structure`;
  const record = { ...makeService(100 + n, structureId), id: `fuzz--v${n}` };
  await actor.device.tryCreate('service', record);
  return `${actor.name} crée le service ${record.id} dans ${structureId}`;
}

async function remove(state: FuzzState, actor: Actor) {
  const kind: RecordKind = state.rng.chance(0.15) ? 'structure' : 'service';
  const id = await localRecord(actor, kind, state.rng);
  if (!id) return `${actor.name} n'a rien à supprimer`;
  state.local.add(acted(actor, 'delete', kind, id));
  await actor.device.remove(kind, id);
  return `${actor.name} supprime ${kind} ${id}`;
}

async function resolve(state: FuzzState, actor: Actor) {
  const open = await actor.device.db.conflicts.where('statut').equals('ouvert').sortBy('id');
  if (open.length === 0) return `${actor.name} n'a pas de conflit`;
  const conflict = state.rng.pick(open);
  const value =
    conflict.field === '*'
      ? state.rng.pick([null, conflict.mine ?? {}])
      : state.rng.pick([conflict.mine, conflict.theirs]);
  await actor.device.resolve(conflict.id, value);
  return `${actor.name} résout ${conflict.record_id}.${conflict.field} → ${JSON.stringify(value)}`;
}

/**
 * What the device does when it syncs. Signed out (its token refused), the app keeps syncing in the background —
 * nothing to push, the public feed to pull — until the person signs in again, which `sync` does half the time first
 * (and always during the heal).
 */
export async function sync(state: FuzzState, actor: Actor, { signIn = state.rng.chance(0.5) } = {}) {
  if (!actor.device.signedIn && signIn) {
    try {
      await actor.device.signIn(await state.world.server.invite(actor.person));
    } catch (error) {
      return `${actor.name} ne peut pas se reconnecter (${(error as Error).name})`;
    }
  }
  const status = await actor.device.sync();
  return `${actor.name} synchronise → ${status.phase}${status.error ? ` (${status.error})` : ''}`;
}

/**
 * The person edits while a sync of the same device runs: as it starts (during its push), or once its download has
 * begun (under the pages still to come, a new epoch's first page among them).
 */
async function editWhileSyncing(state: FuzzState, actor: Actor, later = state.rng.chance(0.5)): Promise<string> {
  const running = sync(state, actor);
  if (later) await Promise.race([actor.device.nextPageRequest(), running]);
  const line = await edit(state, actor);
  return `${line}, pendant que ${later ? 'télécharge' : 'synchronise'} : ${await running}`;
}

/**
 * The server's database replaced: restored from a backup (losing what came after it), or rebuilt; a new epoch
 * either way. Often someone is editing as their device then starts over.
 */
async function replaceDatabase(state: FuzzState): Promise<string> {
  const { rng, world } = state;
  let line = 'la base du serveur change d’époque (reconstruite)';
  if (state.backups.length > 0) {
    const n = rng.int(1, state.backups.length);
    await world.server.restore(state.backups[n - 1] as string);
    line = `la base du serveur est restaurée depuis la sauvegarde ${n} (nouvelle époque)`;
  } else await world.server.rotateEpoch();
  return rng.chance(0.5) ? `${line} ; ${await editWhileSyncing(state, rng.pick(state.actors), true)}` : line;
}

/** One random step; returns a line for the trace. */
export async function step(state: FuzzState): Promise<string> {
  const { rng, world } = state;
  const actor = rng.pick(state.actors);
  const roll = rng.next();
  if (roll < 0.24) return edit(state, actor);
  if (roll < 0.3) return editWhileSyncing(state, actor);
  if (roll < 0.38) return create(state, actor);
  if (roll < 0.44) return remove(state, actor);
  if (roll < 0.5) return resolve(state, actor);
  if (roll < 0.69) return sync(state, actor);
  if (roll < 0.705) {
    state.backups.push(await world.server.backup());
    return `sauvegarde ${state.backups.length} de la base du serveur`;
  }
  if (roll < 0.72) return replaceDatabase(state);
  if (roll < 0.77) {
    const others = rng.sample(state.actors, rng.int(2, 3));
    const lines = await Promise.all(others.map((other) => sync(state, other)));
    return `en même temps : ${lines.join(' | ')}`;
  }
  if (roll < 0.83) {
    const cut = world.network.offline.has(actor.device.tab);
    if (cut) world.network.offline.delete(actor.device.tab);
    else world.network.offline.add(actor.device.tab);
    return `${actor.name} ${cut ? 'retrouve' : 'perd'} le réseau`;
  }
  if (roll < 0.87) {
    await actor.device.restart();
    return `${actor.name} redémarre l'application`;
  }
  if (roll < 0.9) {
    const crash = rng.chance(0.5);
    await world.server.restart({ crash });
    return `le serveur ${crash ? 'est tué' : "s'arrête"} et redémarre`;
  }
  if (roll < 0.95) return `${await world.network.flushLate()} doublons tardifs livrés`;
  if (actor.device.currentClientId && rng.chance(0.5)) {
    await world.server.store.revokeDevice(actor.device.currentClientId, new Date());
    return `la coordination révoque l'appareil de ${actor.name}`;
  }
  return sync(state, actor);
}
