// The mail outbox, digest events and accounts' addresses in SQLite (contract: MailStore in mail-store.ts). Every
// method that writes is one `tx.immediate(…)` (storage/sqlite-transaction.ts: a restart overlaps two processes).
import type Database from 'better-sqlite3';
import { isoInstant } from '../sync/server-clock.ts';
import { digestContent, readContent } from './mail-content.ts';
import {
  type AccountMail,
  type ClaimedMail,
  digestDay,
  type MailContent,
  type MailStore,
  type NotificationEvent,
  type NotificationPreference,
  type RecipientRow,
  recipientsIn,
  type SideRow,
  sideOf,
} from './mail-store.ts';

// An account's own address first, else the one its most recent invitation was sent to.
const EMAIL_OF_ACCOUNT = `coalesce(a.email, (SELECT i.email FROM invitations i WHERE i.account_id = a.id
  AND i.email IS NOT NULL ORDER BY i.used_at DESC, i.created_at DESC LIMIT 1))`;

export function sqliteMail(db: Database.Database): MailStore {
  const s = {
    accountMail: db.prepare<[string], { email: string | null; notifications: NotificationPreference }>(
      `SELECT ${EMAIL_OF_ACCOUNT} AS email, a.notifications FROM accounts a WHERE a.id = ?`,
    ),
    liveAccountMail: db.prepare<[string], { email: string | null; notifications: NotificationPreference }>(
      `SELECT ${EMAIL_OF_ACCOUNT} AS email, a.notifications FROM accounts a WHERE a.id = ? AND a.disabled_at IS NULL`,
    ),
    setEmail: db.prepare<[string | null, string]>('UPDATE accounts SET email = ? WHERE id = ?'),
    setNotifications: db.prepare<[string, string]>('UPDATE accounts SET notifications = ? WHERE id = ?'),
    account: db.prepare<[string], SideRow>('SELECT id, role, structure_id, equipe_id FROM accounts WHERE id = ?'),
    accountExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM accounts WHERE id = ?'),
    setInvitationEmail: db.prepare<[string, string]>('UPDATE invitations SET email = ? WHERE code_hash = ?'),
    // Candidates of a scope, narrowed by recipientsIn.
    candidates: db.prepare<[string, string, string], RecipientRow>(
      `SELECT a.id, a.role, a.structure_id, a.equipe_id, a.notifications, ${EMAIL_OF_ACCOUNT} AS email
       FROM accounts a WHERE a.disabled_at IS NULL AND (a.structure_id = ? OR a.equipe_id = ? OR a.id = ?)
       ORDER BY a.id`,
    ),
    queue: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO mail_outbox (key, recipient, template, params, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ),
    event: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO mail_digest_events (key, account_id, event, day, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO NOTHING`,
    ),
    pendingEvents: db.prepare<[string], { account_id: string; event: NotificationEvent; n: number }>(
      `SELECT account_id, event, count(*) AS n FROM mail_digest_events
       WHERE digested_at IS NULL AND day < ? GROUP BY account_id, event ORDER BY account_id, event`,
    ),
    markDigested: db.prepare<[string, string, string]>(
      'UPDATE mail_digest_events SET digested_at = ? WHERE account_id = ? AND digested_at IS NULL AND day < ?',
    ),
    due: db.prepare<[string, string, number], { id: number; recipient: string; template: string; params: string }>(
      `SELECT id, recipient, template, params FROM mail_outbox
       WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ?
         AND (locked_until IS NULL OR locked_until <= ?)
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    lease: db.prepare<[string, number], { attempts: number }>(
      'UPDATE mail_outbox SET locked_until = ?, attempts = attempts + 1 WHERE id = ? RETURNING attempts',
    ),
    sent: db.prepare<[string, number]>(
      "UPDATE mail_outbox SET sent_at = ?, locked_until = NULL, params = '{}' WHERE id = ?",
    ),
    retry: db.prepare<[string, number]>('UPDATE mail_outbox SET next_attempt_at = ?, locked_until = NULL WHERE id = ?'),
    abandon: db.prepare<[string, number]>(
      "UPDATE mail_outbox SET abandoned_at = ?, locked_until = NULL, params = '{}' WHERE id = ?",
    ),
    purgeOutbox: db.prepare<[string, string]>(
      'DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < ?) OR (abandoned_at IS NOT NULL AND abandoned_at < ?)',
    ),
    purgeEvents: db.prepare<[string]>(
      'DELETE FROM mail_digest_events WHERE digested_at IS NOT NULL AND digested_at < ?',
    ),
    counts: db.prepare<[], { pending: number; sent: number; abandoned: number }>(
      `SELECT coalesce(sum(sent_at IS NULL AND abandoned_at IS NULL), 0) AS pending,
         coalesce(sum(sent_at IS NOT NULL), 0) AS sent, coalesce(sum(abandoned_at IS NOT NULL), 0) AS abandoned
       FROM mail_outbox`,
    ),
  };

  const recipients = (scope: string, except: string | undefined) => {
    const id = scope.slice(scope.indexOf(':') + 1);
    return recipientsIn(s.candidates.all(id, id, id), scope, except);
  };

  const queueRow = (key: string, to: string, content: MailContent, at: string) =>
    s.queue.run(key, to, content.template, JSON.stringify(content.params), at, at).changes > 0;

  const setAccountTx = db.transaction(
    (accountId: string, change: { email?: string | null; notifications?: NotificationPreference }) => {
      if (!s.accountExists.get(accountId)) return false;
      if (change.email !== undefined) s.setEmail.run(change.email, accountId);
      if (change.notifications !== undefined) s.setNotifications.run(change.notifications, accountId);
      return true;
    },
  );

  const notifyTx = db.transaction((input: Parameters<MailStore['notify']>[0]) => {
    const at = isoInstant(input.now);
    let scope: string | undefined;
    if ('scope' in input.to) scope = input.to.scope;
    else {
      const side = s.account.get(input.to.sideOf);
      scope = side && sideOf(side);
    }
    if (scope === undefined) return { queued: 0, digest: 0 };
    let queued = 0;
    let digest = 0;
    for (const row of recipients(scope, input.except)) {
      const key = `${input.key}:${row.id}`;
      if (row.notifications === 'immediate' && row.email !== null) {
        if (queueRow(key, row.email, { template: 'notification', params: { event: input.event } }, at)) queued++;
      } else if (row.notifications === 'daily') {
        if (s.event.run(key, row.id, input.event, digestDay(input.now), at).changes > 0) digest++;
      }
    }
    return { queued, digest };
  });

  const collectTx = db.transaction((now: Date) => {
    const today = digestDay(now);
    const at = isoInstant(now);
    const byAccount = new Map<string, Partial<Record<NotificationEvent, number>>>();
    for (const row of s.pendingEvents.all(today)) {
      const counts = byAccount.get(row.account_id) ?? {};
      counts[row.event] = row.n;
      byAccount.set(row.account_id, counts);
    }
    let queued = 0;
    for (const [accountId, counts] of byAccount) {
      const mail = s.liveAccountMail.get(accountId);
      // Events whose account has since been disabled, lost its address or turned notifications off are dropped.
      if (mail?.email && mail.notifications !== 'none') {
        if (queueRow(`digest:${accountId}:${today}`, mail.email, digestContent(counts), at)) queued++;
      }
      s.markDigested.run(at, accountId, today);
    }
    return queued;
  });

  const claimTx = db.transaction((now: Date, limit: number, leaseMs: number): ClaimedMail[] => {
    const at = isoInstant(now);
    const until = isoInstant(new Date(now.getTime() + leaseMs));
    const claimed: ClaimedMail[] = [];
    for (const row of s.due.all(at, at, limit)) {
      const content = readContent(row.template, row.params);
      // A row this server cannot read would be claimed again and again: it is abandoned at once.
      if (!content) {
        s.abandon.run(at, row.id);
        continue;
      }
      const leased = s.lease.get(until, row.id);
      claimed.push({ id: row.id, to: row.recipient, content, attempts: leased?.attempts ?? 1 });
    }
    return claimed;
  });

  return {
    async accountMail(accountId): Promise<AccountMail | undefined> {
      return s.accountMail.get(accountId);
    },
    async setAccountMail(accountId, change) {
      return setAccountTx.immediate(accountId, change);
    },
    async setInvitationEmail(codeHash, email) {
      return s.setInvitationEmail.run(email, codeHash).changes > 0;
    },
    async notify(input) {
      return notifyTx.immediate(input);
    },
    async queueMail(input) {
      return queueRow(input.key, input.to, input.content, isoInstant(input.now));
    },
    async collectDigests(now) {
      return collectTx.immediate(now);
    },
    async claimMail(now, limit, leaseMs) {
      return claimTx.immediate(now, limit, leaseMs);
    },
    async mailSent(id, now) {
      s.sent.run(isoInstant(now), id);
    },
    async mailFailed(id, now, retryAt) {
      if (retryAt === null) s.abandon.run(isoInstant(now), id);
      else s.retry.run(isoInstant(retryAt), id);
    },
    async purgeMail(before) {
      const at = isoInstant(before);
      return db.transaction(() => s.purgeOutbox.run(at, at).changes + s.purgeEvents.run(at).changes).immediate();
    },
    async outboxCounts() {
      const row = s.counts.get();
      return row ?? { pending: 0, sent: 0, abandoned: 0 };
    },
  };
}
