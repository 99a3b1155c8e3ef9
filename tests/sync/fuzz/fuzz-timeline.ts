// The server's decisions replayed in order with its backups, restores and epoch rotations, as its database lived
// them: what the database holds at the end, and the rules of mutation ids (docs/sync-protocol.md, "Push") checked
// on every decision — independently of the server's own checks, which a bug could bypass:
// - each client's first decisions take ids 1, 2, 3… with no gap, except once after an epoch rotation (the restored
//   database cannot know the ids the lost one acknowledged);
// - an id is decided once; a retry is answered from the stored decision, with the same answer, and only for the
//   same content: an id answered for another content (a reused id) would drop that other change silently;
// - a mutation sent again under a new client id is answered from an earlier send's decision only if that send
//   was the same content by the same account;
// - a refusal (a gap, a reused id) is right by these rules, and changes nothing.
// A restore takes the database back to its backup: decisions made after the backup are forgotten with it.
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { mutationHash } from '../../../server/sync/json-values.ts';
import type { Mutation, MutationResult } from '../../../src/domain/sync-protocol.ts';
import type { Decision, ServerUnderTest } from '../harness/sync-server.ts';

export const key = (clientId: string | null, id: number | null) => `${clientId}#${id}`;

/** What one database holds: the first decision of each (client, id), and each client's last id. */
interface Database {
  decisions: Map<string, Decision>;
  clients: Map<string, { account: string | null; last: number; gapAllowed: boolean }>;
}

/** The database at the end of the timeline, and every decision ever made (also those of a lost database). */
export interface Held {
  decisions: Map<string, Decision>;
  every: Map<string, Decision[]>;
}

const copy = (db: Database): Database => ({
  decisions: new Map(db.decisions),
  clients: new Map([...db.clients].map(([id, c]) => [id, { ...c }])),
});

function decide(db: Database, decision: Decision): void {
  const { clientId, mutationId: id, outcome } = decision;
  const at = key(clientId, id);
  const first = db.decisions.get(at);
  const client = db.clients.get(clientId) ?? { account: null, last: 0, gapAllowed: false };
  // Refusals change nothing. A device's own requests never earn one (its sync would stop, or show a rejection:
  // fuzz-checks.ts), but a copy of an old request delivered late, after a restore, may.
  if (outcome.kind === 'gap') {
    expect(id > client.last + 1 && !client.gapAllowed, `${at}: refused as a gap after ${client.last}`).toBe(true);
    return;
  }
  if (outcome.kind === 'reused') {
    const same = first?.content === decision.content;
    expect(id <= client.last && !same, `${at}: refused as a reused id after ${client.last}`).toBe(true);
    return;
  }
  if (outcome.kind !== 'answered') throw new Error(`${at}: the server answered ${outcome.kind}`);
  if (outcome.replayed && outcome.from) {
    // Sent again after a re-sign-in: answered with the decision of an earlier send, by the same account, of the
    // same content — which makes it this id's decision.
    const { from } = outcome;
    const earlier = db.decisions.get(key(from.clientId, from.id));
    const what = `${at}: answered as ${key(from.clientId, from.id)}`;
    expect(earlier, `${what}, which this database never decided`).toBeDefined();
    expect(db.clients.get(from.clientId)?.account, `${what}, another account's`).toBe(client.account);
    expect(sameEdit(decision.content, earlier?.content), `${what}, another content`).toBe(true);
    const answer = earlier?.outcome.kind === 'answered' ? { ...earlier.outcome.result, id } : undefined;
    expect(outcome.result, `${what}, with another answer`).toEqual(answer);
  } else if (outcome.replayed) {
    expect(first, `${at}: a stored answer replayed for a mutation this database never decided`).toBeDefined();
    expect(decision.content, `${at}: id reused for another content, answered as a retry`).toBe(first?.content);
    expect(outcome.result, `${at}: a retry got another answer`).toEqual(
      first?.outcome.kind === 'answered' ? first.outcome.result : first?.outcome,
    );
    return;
  }
  expect(first, `${at} decided twice`).toBeUndefined();
  expect(id, `${at}: decided after ${client.last}, an id already used`).toBeGreaterThan(client.last);
  if (!client.gapAllowed) expect(id, `${at}: a gap after ${client.last}`).toBe(client.last + 1);
  db.clients.set(clientId, { ...client, last: id, gapAllowed: false });
  db.decisions.set(at, decision);
}

/** Two mutations' contents, the same but for their id and the earlier sends they name. */
function sameEdit(a: string, b: string | undefined): boolean {
  const edit = (content: string | undefined) => {
    const { id: _id, sentBefore: _sent, ...rest } = JSON.parse(content ?? '{}') as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  return b !== undefined && edit(a) === edit(b);
}

export function replayTimeline(server: ServerUnderTest): Held {
  let db: Database = { decisions: new Map(), clients: new Map() };
  const backups = new Map<string, Database>();
  const every = new Map<string, Decision[]>();
  for (const event of server.timeline) {
    if (event.kind === 'backup') backups.set(event.backup, copy(db));
    else if (event.kind === 'restore') {
      const backup = backups.get(event.backup);
      if (!backup) throw new Error(`restore of an unknown backup ${event.backup}`);
      db = copy(backup);
    } else if (event.kind === 'sign-in') {
      db.clients.set(event.clientId, { account: event.accountId, last: 0, gapAllowed: false });
    } else if (event.kind === 'rotate-epoch') {
      for (const client of db.clients.values()) client.gapAllowed = true;
    } else {
      const { decision } = event;
      const at = key(decision.clientId, decision.mutationId);
      every.set(at, [...(every.get(at) ?? []), decision]);
      decide(db, decision);
    }
  }
  return { decisions: db.decisions, every };
}

/**
 * Whether the database still holds the decision behind an answer a device landed: the same content, answered the
 * same. An answer from a database since replaced by a backup is gone with it — even when a late copy of the same
 * push was decided again, differently, by the restored one.
 */
export function stillHeld(held: Held, clientId: string, mutation: Mutation, result: MutationResult): boolean {
  const decision = held.decisions.get(key(clientId, result.id));
  return (
    decision?.hash === mutationHash(mutation) &&
    decision.outcome.kind === 'answered' &&
    isDeepStrictEqual(decision.outcome.result, result)
  );
}
