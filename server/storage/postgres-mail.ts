// The mail outbox, digest events and accounts' addresses on PostgreSQL (contract: MailStore in mail/mail-store.ts),
// as mail/sqlite-mail.ts. Claiming due messages, notifying and collecting digests are write transactions
// (postgres-connection.ts): two instances never claim one message, and an event is queued once.
import type { ISql, Sql } from 'postgres';
import { digestContent, readContent } from '../mail/mail-content.ts';
import {
  type AccountMail,
  type ClaimedMail,
  digestDay,
  type MailContent,
  type MailStore,
  type NotificationEvent,
  type RecipientRow,
  recipientsIn,
  type SideRow,
  sideOf,
} from '../mail/mail-store.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { writeTransaction } from './postgres-connection.ts';

export function postgresMail(sql: Sql): MailStore {
  // An account's own address first, else the one its most recent invitation was sent to.
  const accountMail = (db: ISql, accountId: string, liveOnly: boolean) =>
    db<AccountMail[]>`
      SELECT coalesce(a.email, (SELECT i.email FROM invitations i WHERE i.account_id = a.id AND i.email IS NOT NULL
          ORDER BY i.used_at DESC NULLS LAST, i.created_at DESC LIMIT 1)) AS email, a.notifications
      FROM accounts a WHERE a.id = ${accountId} AND (${!liveOnly} OR a.disabled_at IS NULL)`;

  const recipients = async (db: ISql, scope: string, except: string | undefined) => {
    const id = scope.slice(scope.indexOf(':') + 1);
    const rows = await db<RecipientRow[]>`
      SELECT a.id, a.role, a.structure_id, a.equipe_id, a.notifications,
        coalesce(a.email, (SELECT i.email FROM invitations i WHERE i.account_id = a.id AND i.email IS NOT NULL
          ORDER BY i.used_at DESC NULLS LAST, i.created_at DESC LIMIT 1)) AS email
      FROM accounts a WHERE a.disabled_at IS NULL AND (a.structure_id = ${id} OR a.equipe_id = ${id} OR a.id = ${id})
      ORDER BY a.id`;
    return recipientsIn(rows, scope, except);
  };

  const queueRow = async (db: ISql, key: string, to: string, content: MailContent, at: string) =>
    (
      await db`INSERT INTO mail_outbox (key, recipient, template, params, created_at, next_attempt_at)
        VALUES (${key}, ${to}, ${content.template}, ${JSON.stringify(content.params)}::text::jsonb, ${at}, ${at})
        ON CONFLICT (key) DO NOTHING`
    ).count > 0;

  return {
    async accountMail(accountId) {
      const [row] = await accountMail(sql, accountId, false);
      return row;
    },
    async setAccountMail(accountId, change) {
      return writeTransaction(sql, async (tx) => {
        const [exists] = await tx`SELECT 1 FROM accounts WHERE id = ${accountId}`;
        if (!exists) return false;
        if (change.email !== undefined) await tx`UPDATE accounts SET email = ${change.email} WHERE id = ${accountId}`;
        if (change.notifications !== undefined) {
          await tx`UPDATE accounts SET notifications = ${change.notifications} WHERE id = ${accountId}`;
        }
        return true;
      });
    },
    async setInvitationEmail(codeHash, email) {
      return (await sql`UPDATE invitations SET email = ${email} WHERE code_hash = ${codeHash}`).count > 0;
    },
    async notify(input) {
      return writeTransaction(sql, async (tx) => {
        const at = isoInstant(input.now);
        let scope: string | undefined;
        if ('scope' in input.to) scope = input.to.scope;
        else {
          const [side] = await tx<SideRow[]>`
            SELECT id, role, structure_id, equipe_id FROM accounts WHERE id = ${input.to.sideOf}`;
          scope = side && sideOf(side);
        }
        if (scope === undefined) return { queued: 0, digest: 0 };
        let queued = 0;
        let digest = 0;
        for (const row of await recipients(tx, scope, input.except)) {
          const key = `${input.key}:${row.id}`;
          if (row.notifications === 'immediate' && row.email !== null) {
            if (await queueRow(tx, key, row.email, { template: 'notification', params: { event: input.event } }, at)) {
              queued++;
            }
          } else if (row.notifications === 'daily') {
            const added = await tx`INSERT INTO mail_digest_events (key, account_id, event, day, created_at)
              VALUES (${key}, ${row.id}, ${input.event}, ${digestDay(input.now)}, ${at}) ON CONFLICT (key) DO NOTHING`;
            if (added.count > 0) digest++;
          }
        }
        return { queued, digest };
      });
    },
    async queueMail(input) {
      return queueRow(sql, input.key, input.to, input.content, isoInstant(input.now));
    },
    async collectDigests(now) {
      return writeTransaction(sql, async (tx) => {
        const today = digestDay(now);
        const at = isoInstant(now);
        const byAccount = new Map<string, Partial<Record<NotificationEvent, number>>>();
        const pending = await tx<{ account_id: string; event: NotificationEvent; n: number }[]>`
          SELECT account_id, event, count(*) AS n FROM mail_digest_events
          WHERE digested_at IS NULL AND day < ${today} GROUP BY account_id, event ORDER BY account_id, event`;
        for (const row of pending) {
          const counts = byAccount.get(row.account_id) ?? {};
          counts[row.event] = row.n;
          byAccount.set(row.account_id, counts);
        }
        let queued = 0;
        for (const [accountId, counts] of byAccount) {
          const [mail] = await accountMail(tx, accountId, true);
          // Events whose account has since been disabled, lost its address or turned notifications off are dropped.
          if (mail?.email && mail.notifications !== 'none') {
            if (await queueRow(tx, `digest:${accountId}:${today}`, mail.email, digestContent(counts), at)) queued++;
          }
          await tx`UPDATE mail_digest_events SET digested_at = ${at}
            WHERE account_id = ${accountId} AND digested_at IS NULL AND day < ${today}`;
        }
        return queued;
      });
    },
    async claimMail(now, limit, leaseMs) {
      return writeTransaction(sql, async (tx) => {
        const at = isoInstant(now);
        const until = isoInstant(new Date(now.getTime() + leaseMs));
        const claimed: ClaimedMail[] = [];
        const due = await tx<{ id: number; recipient: string; template: string; params: unknown }[]>`
          SELECT id, recipient, template, params FROM mail_outbox
          WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ${at}
            AND (locked_until IS NULL OR locked_until <= ${at})
          ORDER BY next_attempt_at, id LIMIT ${limit}`;
        for (const row of due) {
          const content = readContent(row.template, JSON.stringify(row.params));
          // A row this server cannot read would be claimed again and again: it is abandoned at once.
          if (!content) {
            await tx`UPDATE mail_outbox SET abandoned_at = ${at}, locked_until = NULL, params = '{}' WHERE id = ${row.id}`;
            continue;
          }
          const [leased] = await tx<{ attempts: number }[]>`
            UPDATE mail_outbox SET locked_until = ${until}, attempts = attempts + 1 WHERE id = ${row.id}
            RETURNING attempts`;
          claimed.push({ id: row.id, to: row.recipient, content, attempts: leased?.attempts ?? 1 });
        }
        return claimed;
      });
    },
    async mailSent(id, now) {
      await sql`UPDATE mail_outbox SET sent_at = ${isoInstant(now)}, locked_until = NULL, params = '{}'
        WHERE id = ${id}`;
    },
    async mailFailed(id, now, retryAt) {
      if (retryAt === null) {
        await sql`UPDATE mail_outbox SET abandoned_at = ${isoInstant(now)}, locked_until = NULL, params = '{}'
          WHERE id = ${id}`;
      } else {
        await sql`UPDATE mail_outbox SET next_attempt_at = ${isoInstant(retryAt)}, locked_until = NULL
          WHERE id = ${id}`;
      }
    },
    async purgeMail(before) {
      const at = isoInstant(before);
      return writeTransaction(sql, async (tx) => {
        const outbox = await tx`DELETE FROM mail_outbox
          WHERE (sent_at IS NOT NULL AND sent_at < ${at}) OR (abandoned_at IS NOT NULL AND abandoned_at < ${at})`;
        const events = await tx`DELETE FROM mail_digest_events WHERE digested_at IS NOT NULL AND digested_at < ${at}`;
        return outbox.count + events.count;
      });
    },
    async outboxCounts() {
      const [row] = await sql<{ pending: number; sent: number; abandoned: number }[]>`
        SELECT count(*) FILTER (WHERE sent_at IS NULL AND abandoned_at IS NULL) AS pending,
          count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
          count(*) FILTER (WHERE abandoned_at IS NOT NULL) AS abandoned
        FROM mail_outbox`;
      return row ?? { pending: 0, sent: 0, abandoned: 0 };
    },
  };
}
