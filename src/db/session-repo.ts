// The device's session (token, client id, account), kept in the database's meta table so that the sync engine
// and every tab read the same one. Signing out removes everything the account could see — professional-only
// listings, conflicts, changes not yet sent, the orientation in progress (the UI warns first) — and the next pull
// starts over anonymously.

import * as z from 'zod/mini';
import { accountSchema, clientIdSchema } from '../domain/account.ts';
import type { Account } from '../domain/sync-protocol.ts';
import { parse } from '../domain/validation.ts';
import { dropCatalogCache } from './catalog-cache.ts';
import type { BoussoleDatabase } from './database.ts';
import { recordTables } from './record-tables.ts';

const SESSION_KEY = 'session';
const LAST_CLIENT_KEY = 'outbox-client-id';
const LAST_ACCOUNT_KEY = 'last-account';

const sessionSchema = z.object({ token: z.string(), clientId: clientIdSchema, account: accountSchema });
export type Session = z.infer<typeof sessionSchema>;

export async function readSession(db: BoussoleDatabase): Promise<Session | null> {
  const row = await db.meta.get(SESSION_KEY);
  if (!row) return null;
  const parsed = parse(sessionSchema, row.value);
  return parsed.ok ? parsed.value : null;
}

/**
 * Stores a new session. Pending changes made before (offline, or under an expired token) are kept and renumbered
 * for the new client id; a different account starts from an empty directory copy, since what it may see differs,
 * and never sees the previous account's orientation in progress (one begun with no account signed in carries on:
 * the worker signed in during it, to send a referral).
 */
export async function saveSession(db: BoussoleDatabase, session: Session): Promise<void> {
  const previousClient = (await db.meta.get(LAST_CLIENT_KEY))?.value;
  const previousAccount = (await readSession(db))?.account ?? (await db.meta.get(LAST_ACCOUNT_KEY))?.value;
  // A new client's ids start at 1, pending or not: the next edit of an empty outbox must be number 1 too.
  if (previousClient !== session.clientId) {
    // Loaded here, with the sign-in: the outbox's code (and the record schemas it parses with) stays off the
    // first screen, which reads the session at start-up.
    const { renumberOutbox } = await import('./outbox-repo.ts');
    await renumberOutbox(db, typeof previousClient === 'string' ? previousClient : null);
  }
  const tables = [db.meta, ...recordTables(db), db.conflicts, db.referrals, db.workInProgress];
  await db.transaction('rw', tables, async () => {
    const sameAccount = (previousAccount as Account | undefined)?.id === session.account.id;
    if (!sameAccount) await resetDirectoryCopy(db);
    if (!sameAccount && previousAccount) await db.workInProgress.clear();
    await db.meta.put({ key: SESSION_KEY, value: session });
    await db.meta.put({ key: LAST_CLIENT_KEY, value: session.clientId });
    await db.meta.put({ key: LAST_ACCOUNT_KEY, value: session.account });
  });
}

/** The token was revoked or expired: forget it, keep the account's data and pending changes for the next sign-in. */
export async function dropToken(db: BoussoleDatabase): Promise<void> {
  await db.meta.delete(SESSION_KEY);
}

/**
 * The device keeps an account's data without a token (dropToken): until the person signs in again nothing may be
 * downloaded into that copy — the public feed would carry the account's listings as tombstones and leave out its
 * conflicts, and signing in again as the same account continues from that copy's cursor without them.
 */
export async function awaitingSignIn(db: BoussoleDatabase): Promise<boolean> {
  return (await readSession(db)) === null && (await db.meta.get(LAST_ACCOUNT_KEY)) !== undefined;
}

/**
 * Signing out erases the account's data, referrals (sent, received, unsent) and the orientation in progress
 * included: the UI warns first.
 */
export async function signOutDevice(db: BoussoleDatabase): Promise<void> {
  await eraseAccountData(db);
}

/** Everything signing out erases, in one transaction; `then` runs in it (a mark that must not be lost with it). */
async function eraseAccountData(db: BoussoleDatabase, then: () => Promise<unknown> = async () => {}): Promise<void> {
  const tables = [
    db.meta,
    ...recordTables(db),
    db.conflicts,
    db.outbox,
    db.shadows,
    db.rejections,
    db.referrals,
    db.referralOutbox,
    db.workInProgress,
    db.orientationEvents,
  ];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    await then();
  });
}

const REVOKED_KEY = 'device-revoked';

/**
 * The coordination revoked this device (or disabled its account): everything personal goes at once — referrals
 * (sent, received, unsent), the orientation in progress, the session, changes not sent — as when signing out. The
 * directory copy goes too, professionals-only listings included: the device keeps nothing a lost tablet should
 * not show, and downloads the public directory again, anonymously, at its next sync. A mark stays so that the
 * screens say why.
 */
export async function eraseRevokedDevice(db: BoussoleDatabase, at: string): Promise<void> {
  // The mark in the same transaction: a page reloaded between the two would keep the erasure without saying why.
  await eraseAccountData(db, () => db.meta.put({ key: REVOKED_KEY, value: at }));
}

/** When the device was erased after its revocation, until the person reads the notice. */
export async function revokedAt(db: BoussoleDatabase): Promise<string | null> {
  const value = (await db.meta.get(REVOKED_KEY))?.value;
  return typeof value === 'string' ? value : null;
}

export async function dismissRevokedNotice(db: BoussoleDatabase): Promise<void> {
  await db.meta.delete(REVOKED_KEY);
}

async function resetDirectoryCopy(db: BoussoleDatabase): Promise<void> {
  for (const table of recordTables(db)) await table.clear();
  await db.conflicts.clear();
  await db.meta.delete('directory-sync');
  await dropCatalogCache(db);
  // Another account must not see the previous one's referrals: only the unsent ones (its outbox) stay.
  await db.referrals.filter((row) => row.server !== null).delete();
  await db.meta.delete('referrals-sync');
}
