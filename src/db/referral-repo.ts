// Referrals on the device. Writing one stores it and queues it in ONE transaction: it shows at once as
// "en attente d'envoi" and survives a closed tab; it shows as "envoyée" only once the server's acknowledgement has
// replaced the draft by the server's copy. Rows read back are parsed before use. Personal fields are erased here
// too after the retention period (with the device clock — the server's erasure reaches the device anyway through
// the feed), and everything goes at sign-out (session-repo.ts).
import {
  type Referral,
  type ReferralDraft,
  type ReferralPage,
  type ReferralPolicy,
  referralDraftSchema,
  referralPolicySchema,
  referralSchema,
  type StatusChange,
  statusChangeSchema,
} from '../domain/referral.ts';
import { erasePersonalFields, isDueForErasure } from '../domain/referral-rules.ts';
import { type Parsed, type Problem, parse } from '../domain/validation.ts';
import type { BoussoleDatabase, ReferralOutboxEntry, ReferralRow } from './database.ts';

const CURSOR_KEY = 'referrals-sync';
const POLICY_KEY = 'referral-policy';

/** Stores a new referral and queues it for sending; nothing is written when the draft does not parse. */
export async function queueReferral(
  db: BoussoleDatabase,
  input: unknown,
  now: Date,
): Promise<{ ok: true; draft: ReferralDraft } | { ok: false; problems: Problem[] }> {
  const parsed = parse(referralDraftSchema, input);
  if (!parsed.ok) return parsed;
  const draft = parsed.value;
  const at = now.toISOString();
  await db.transaction('rw', db.referrals, db.referralOutbox, async () => {
    await db.referrals.put({ id: draft.id, draft, server: null, updatedAt: at });
    await db.referralOutbox.add({ referralId: draft.id, op: { kind: 'send', draft }, createdAt: at });
  });
  return { ok: true, draft };
}

/** Queues a status change (the partner's answer, or the sender's cancellation) of a referral on the device. */
export async function queueStatusChange(
  db: BoussoleDatabase,
  referralId: string,
  input: unknown,
  now: Date,
): Promise<Parsed<StatusChange>> {
  const parsed = parse(statusChangeSchema, input);
  if (!parsed.ok) return parsed;
  const at = now.toISOString();
  await db.transaction('rw', db.referrals, db.referralOutbox, async () => {
    const row = await db.referrals.get(referralId);
    if (row) {
      const { refusal: _previous, ...rest } = row;
      await db.referrals.put({ ...rest, updatedAt: at });
    }
    await db.referralOutbox.add({ referralId, op: { kind: 'status', change: parsed.value }, createdAt: at });
  });
  return parsed;
}

export async function nextReferralOp(db: BoussoleDatabase): Promise<ReferralOutboxEntry | undefined> {
  return db.referralOutbox.orderBy('key').first();
}

/** The server's copy replaces an older one only: a late answer never moves a referral back. */
function newer(current: Referral | null, incoming: Referral): boolean {
  return current === null || incoming.seq >= current.seq;
}

/** The server acknowledged `entry`: it leaves the outbox, the server's copy replaces the draft. */
export async function landAcknowledged(db: BoussoleDatabase, key: number, referral: Referral): Promise<void> {
  await db.transaction('rw', db.referrals, db.referralOutbox, async () => {
    await db.referralOutbox.delete(key);
    const row = await db.referrals.get(referral.id);
    const server = row?.server && !newer(row.server, referral) ? row.server : referral;
    await db.referrals.put({ id: referral.id, draft: null, server, updatedAt: new Date().toISOString() });
  });
}

/** The server refused `entry` for good: it leaves the outbox (never blocks the queue) and the reason is shown. */
export async function landRefused(db: BoussoleDatabase, key: number, message: string): Promise<void> {
  await db.transaction('rw', db.referrals, db.referralOutbox, async () => {
    const entry = await db.referralOutbox.get(key);
    await db.referralOutbox.delete(key);
    const row = entry && (await db.referrals.get(entry.referralId));
    if (row) await db.referrals.put({ ...row, refusal: message, updatedAt: new Date().toISOString() });
  });
}

export interface ReferralCursor {
  cursor: number;
  epoch: string | null;
}

export async function readReferralCursor(db: BoussoleDatabase): Promise<ReferralCursor> {
  const value = (await db.meta.get(CURSOR_KEY))?.value as Partial<ReferralCursor> | undefined;
  return {
    cursor: typeof value?.cursor === 'number' ? value.cursor : 0,
    epoch: typeof value?.epoch === 'string' ? value.epoch : null,
  };
}

/** A page of the referral feed and its cursor, in one transaction; referrals that do not parse are skipped. */
export async function applyReferralPage(db: BoussoleDatabase, page: ReferralPage): Promise<void> {
  await db.transaction('rw', db.referrals, db.meta, async () => {
    for (const referral of page.referrals) {
      const row = await db.referrals.get(referral.id);
      if (row?.server && !newer(row.server, referral)) continue;
      await db.referrals.put({
        ...(row ?? { id: referral.id, draft: null }),
        server: referral,
        updatedAt: new Date().toISOString(),
      } as ReferralRow);
    }
    await db.meta.put({ key: CURSOR_KEY, value: { cursor: page.cursor, epoch: page.epoch } });
    await db.meta.put({ key: POLICY_KEY, value: page.policy });
  });
}

export async function readReferralPolicy(db: BoussoleDatabase): Promise<ReferralPolicy | null> {
  const parsed = parse(referralPolicySchema, (await db.meta.get(POLICY_KEY))?.value);
  return parsed.ok ? parsed.value : null;
}

/** Erases the personal fields of copies closed longer than the retention period; returns how many. */
export async function eraseExpiredCopies(db: BoussoleDatabase, now: Date, policy: ReferralPolicy): Promise<number> {
  return db.transaction('rw', db.referrals, async () => {
    let erased = 0;
    for (const row of await db.referrals.toArray()) {
      if (!row.server || !isDueForErasure(row.server, now, policy)) continue;
      await db.referrals.put({ ...row, draft: null, server: erasePersonalFields(row.server, now) });
      erased++;
    }
    return erased;
  });
}

/** One referral as the screens see it: parsed copies and the actions still waiting for the network. */
export interface ReferralOnDevice {
  id: string;
  draft: ReferralDraft | null;
  server: Referral | null;
  pending: ReferralOutboxEntry['op'][];
  refusal: string | null;
  updatedAt: string;
}

export async function listReferrals(db: BoussoleDatabase): Promise<ReferralOnDevice[]> {
  return db.transaction('r', db.referrals, db.referralOutbox, async () => {
    const [rows, outbox] = await Promise.all([db.referrals.toArray(), db.referralOutbox.orderBy('key').toArray()]);
    const views: ReferralOnDevice[] = [];
    for (const row of rows) {
      const draft = row.draft ? parse(referralDraftSchema, row.draft) : null;
      const server = row.server ? parse(referralSchema, row.server) : null;
      if ((draft && !draft.ok) || (server && !server.ok) || (!draft && !server)) continue;
      views.push({
        id: row.id,
        draft: draft?.ok ? draft.value : null,
        server: server?.ok ? server.value : null,
        pending: outbox.filter((e) => e.referralId === row.id).map((e) => e.op),
        refusal: row.refusal ?? null,
        updatedAt: row.updatedAt,
      });
    }
    return views.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  });
}

/** Referral actions not yet sent: what signing out would lose. */
export async function unsentReferralCount(db: BoussoleDatabase): Promise<number> {
  return db.referralOutbox.count();
}
