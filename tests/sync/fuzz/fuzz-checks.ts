// What must hold once every device is back online and synced until nothing moves (the convergence test):
// 1. every device holds exactly what the server shows its reader — records and conflicts — with nothing pending;
// 2. the server decided each (client, mutation id) once, in order with no gap, every retry of the same content got
//    that same answer, and no id was reused for another content (fuzz-timeline.ts, restores and rotations
//    included); the feed has no gap, on the server's side nor on any device's (fuzz-feed.ts);
// 3. every answer a device landed is a decision the server made for that content, and a rejection or a conflict is
//    there for a person to see;
// 4. the history has one line per mutation and record, each from an accepted mutation the database holds, one
//    creation per record id, and replaying it from the initial directory gives exactly the server's records:
//    nothing else changed;
// 5. each edit, followed by its content across client ids, was applied exactly once and never lost on the way
//    (fuzz-edits.ts).
import { expect } from 'vitest';
import { mutationHash } from '../../../server/sync/json-values.ts';
import { NULLABLE_FIELDS } from '../../../src/domain/record-changes.ts';
import type { Fixture } from '../../integration/fixtures/directory-fixture.ts';
import { expectConverged } from '../harness/server-view.ts';
import type { ServerUnderTest } from '../harness/sync-server.ts';
import { checkEditsOnce } from './fuzz-edits.ts';
import { checkDownloads, checkServedPages } from './fuzz-feed.ts';
import { checkLedger, type Ledger } from './fuzz-ledger.ts';
import type { Actor } from './fuzz-ops.ts';
import { type Held, key, replayTimeline, stillHeld } from './fuzz-timeline.ts';

type Row = Record<string, unknown>;

/** Fields the history does not carry (the server bumps them with every change). */
/**
 * What the history accounts for. `recoit_orientations` is left out: it is derived from the partner's accounts
 * (server/auth/partner-reach.ts), written by the server when one signs in or is disabled, not a change of the listing.
 */
function content(record: unknown): Row {
  const { version: _v, date_maj: _d, recoit_orientations: _r, ...rest } = record as Row;
  return rest;
}

async function checkLanded(actor: Actor, held: Held): Promise<void> {
  const { rejections, conflicts } = await actor.device.snapshot();
  const seen = new Set<string>();
  let rejected = 0;
  for (const { clientId, mutation, result } of actor.device.landed) {
    const at = key(clientId, result.id);
    expect(seen.has(at), `${actor.name}: ${at} landed twice`).toBe(false);
    seen.add(at);
    const hash = mutationHash(mutation);
    const decided = (held.every.get(at) ?? []).filter((d) => d.hash === hash && d.outcome.kind === 'answered');
    expect(
      decided.map((d) => d.outcome.kind === 'answered' && d.outcome.result),
      `${actor.name}: ${at} is not a decision the server made for that content`,
    ).toContainEqual(result);
    if (result.status === 'rejected') {
      rejected++;
      const shown = rejections.filter((r) => JSON.stringify(r.mutation) === JSON.stringify(mutation));
      expect(
        shown.map((r) => r.reason),
        `${actor.name}: rejection of ${at} not shown`,
      ).toContainEqual(result.reason);
    }
    // A conflict lives on the server: one recorded by a database since replaced by a backup is gone with it.
    const current = stillHeld(held, clientId, mutation, result);
    if (result.status === 'conflict' && current && 'kind' in mutation.args && 'id' in mutation.args) {
      const recordId = mutation.args.id;
      for (const field of result.conflicts) {
        const mine = conflicts.filter(
          (c) => c.record_id === recordId && c.field === field && c.mine_by.account_id === actor.person.account_id,
        );
        expect(mine.length, `${actor.name}: conflict ${recordId}.${field} of ${at} not shown`).toBeGreaterThan(0);
      }
    }
  }
  expect(rejections, `${actor.name}: rejections shown once each`).toHaveLength(rejected);
}

/** Replays the history over the initial directory, checking that each line starts where the previous left. */
async function checkHistory(server: ServerUnderTest, initial: Fixture, held: Held) {
  const records = new Map<string, Row>();
  for (const s of initial.structures) records.set(`structure:${s.id}`, content(s));
  for (const v of initial.services) records.set(`service:${v.id}`, content(v));
  const lines = new Set<string>();
  const created = new Set<string>();
  for (const row of await server.history()) {
    const at = key(row.client_id, row.mutation_id);
    const line = `${at} ${row.record_kind}:${row.record_id}`;
    expect(lines.has(line), `history line twice: ${line}`).toBe(false);
    lines.add(line);
    const decision = held.decisions.get(at)?.outcome;
    const status = decision?.kind === 'answered' ? decision.result.status : undefined;
    expect(status, `history line ${line} without an accepted mutation`).toMatch(/^(applied|conflict)$/);
    const id = `${row.record_kind}:${row.record_id}`;
    if (row.action === 'creation') {
      expect(created.has(id), `${line}: the id ${id} created a second time`).toBe(false);
      created.add(id);
    }
    const changes = JSON.parse(row.changes) as Record<string, { old: unknown; new: unknown }>;
    const current = records.get(id);
    if (row.action === 'creation' || row.action === 'restauration') {
      expect(current, `${line}: ${row.action} of a live record`).toBeUndefined();
      records.set(id, content(changes['*']?.new));
    } else if (row.action === 'suppression') {
      expect(content(changes['*']?.old), `${line}: deletion of another content`).toEqual(current);
      records.delete(id);
    } else {
      if (!current) throw new Error(`${line}: modification of a record that does not exist`);
      for (const [field, change] of Object.entries(changes)) {
        expect(current[field] ?? null, `${line}: ${field} did not hold the old value`).toEqual(change.old);
        if (change.new === null && !NULLABLE_FIELDS.has(field)) delete current[field];
        else current[field] = change.new;
      }
    }
  }
  const live = new Map<string, Row>();
  const page = await server.store.page(0, 10_000);
  for (const entry of page.entries) live.set(`${entry.kind}:${entry.record.id}`, content(entry.record));
  expect(Object.fromEntries(live), 'server records = initial directory + history').toEqual(Object.fromEntries(records));
}

export async function checkInvariants(
  server: ServerUnderTest,
  actors: readonly Actor[],
  initial: Fixture,
  ledger: Ledger,
): Promise<void> {
  // The precise checks first: a bug they catch often also breaks convergence, with a vaguer message.
  const held = replayTimeline(server);
  checkServedPages(server);
  for (const actor of actors) checkDownloads(actor);
  checkLedger(ledger);
  await checkEditsOnce(server, held, actors);
  for (const actor of actors) await expectConverged(actor.device, server);
  for (const actor of actors) await checkLanded(actor, held);
  await checkHistory(server, initial, held);
}
