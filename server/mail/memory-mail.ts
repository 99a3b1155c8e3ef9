// The mail outbox, digest events and accounts' addresses of the in-memory store (contract: MailStore in
// mail-store.ts), on the same rules as SQLite. Each method runs without an await between its reads and writes.
import { senderScope } from '../../src/domain/referral-rules.ts';
import { assertOpen, type MemoryState } from '../storage/memory-state.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { digestContent } from './mail-content.ts';
import {
  type AccountMail,
  type ClaimedMail,
  digestDay,
  type MailContent,
  type MailStore,
  type NotificationEvent,
  type NotificationPreference,
} from './mail-store.ts';

interface OutboxRow {
  id: number;
  key: string;
  to: string;
  content: MailContent | null;
  next_attempt_at: string;
  attempts: number;
  locked_until: string | null;
  sent_at: string | null;
  abandoned_at: string | null;
}

interface EventRow {
  account_id: string;
  event: NotificationEvent;
  day: string;
  digested_at: string | null;
}

export function memoryMail(state: MemoryState): MailStore {
  const own = new Map<string, { email: string | null; notifications: NotificationPreference }>();
  const invitationEmails = new Map<string, string>();
  const outbox = new Map<string, OutboxRow>();
  const events = new Map<string, EventRow>();
  let lastId = 0;

  const mailOf = (accountId: string): AccountMail | undefined => {
    if (!state.accounts.has(accountId)) return undefined;
    const set = own.get(accountId);
    let email = set?.email ?? null;
    if (email === null) {
      let latest = '';
      for (const [hash, invitation] of state.invitations) {
        const address = invitationEmails.get(hash);
        if (invitation.account_id !== accountId || address === undefined) continue;
        if ((invitation.used_at ?? '') >= latest) {
          latest = invitation.used_at ?? '';
          email = address;
        }
      }
    }
    return { email, notifications: set?.notifications ?? 'immediate' };
  };

  const queueRow = (key: string, to: string, content: MailContent, at: string) => {
    if (outbox.has(key)) return false;
    outbox.set(key, {
      id: ++lastId,
      key,
      to,
      content: structuredClone(content),
      next_attempt_at: at,
      attempts: 0,
      locked_until: null,
      sent_at: null,
      abandoned_at: null,
    });
    return true;
  };

  const byId = (id: number) => [...outbox.values()].find((row) => row.id === id);

  return {
    async accountMail(accountId) {
      assertOpen(state);
      return mailOf(accountId);
    },

    async setAccountMail(accountId, change) {
      assertOpen(state);
      const current = mailOf(accountId);
      if (!current) return false;
      const set = own.get(accountId) ?? { email: null, notifications: 'immediate' };
      if (change.email !== undefined) set.email = change.email;
      if (change.notifications !== undefined) set.notifications = change.notifications;
      own.set(accountId, set);
      return true;
    },

    async setInvitationEmail(codeHash, email) {
      assertOpen(state);
      if (!state.invitations.has(codeHash)) return false;
      invitationEmails.set(codeHash, email);
      return true;
    },

    async notify({ key, event, to, except, now }) {
      assertOpen(state);
      const side = 'scope' in to ? undefined : state.accounts.get(to.sideOf)?.account;
      const scope = 'scope' in to ? to.scope : side && senderScope(side);
      if (scope === undefined) return { queued: 0, digest: 0 };
      const at = isoInstant(now);
      let queued = 0;
      let digest = 0;
      const ids = [...state.accounts.keys()].sort();
      for (const id of ids) {
        const entry = state.accounts.get(id);
        if (!entry || entry.disabled_at !== null || id === except || senderScope(entry.account) !== scope) continue;
        const mail = mailOf(id);
        if (!mail?.email) continue;
        const rowKey = `${key}:${id}`;
        if (mail.notifications === 'immediate') {
          if (queueRow(rowKey, mail.email, { template: 'notification', params: { event } }, at)) queued++;
        } else if (mail.notifications === 'daily' && !events.has(rowKey)) {
          events.set(rowKey, { account_id: id, event, day: digestDay(now), digested_at: null });
          digest++;
        }
      }
      return { queued, digest };
    },

    async queueMail({ key, to, content, now }) {
      assertOpen(state);
      return queueRow(key, to, content, isoInstant(now));
    },

    async collectDigests(now) {
      assertOpen(state);
      const today = digestDay(now);
      const at = isoInstant(now);
      const byAccount = new Map<string, Partial<Record<NotificationEvent, number>>>();
      const pending = [...events.values()].filter((e) => e.digested_at === null && e.day < today);
      for (const e of pending) {
        const counts = byAccount.get(e.account_id) ?? {};
        counts[e.event] = (counts[e.event] ?? 0) + 1;
        byAccount.set(e.account_id, counts);
      }
      let queued = 0;
      for (const accountId of [...byAccount.keys()].sort()) {
        const mail = state.accounts.get(accountId)?.disabled_at === null ? mailOf(accountId) : undefined;
        const counts = byAccount.get(accountId) ?? {};
        if (mail?.email && mail.notifications !== 'none') {
          if (queueRow(`digest:${accountId}:${today}`, mail.email, digestContent(counts), at)) queued++;
        }
      }
      for (const e of pending) e.digested_at = at;
      return queued;
    },

    async claimMail(now, limit, leaseMs) {
      assertOpen(state);
      const at = isoInstant(now);
      const until = isoInstant(new Date(now.getTime() + leaseMs));
      const due = [...outbox.values()]
        .filter(
          (row) =>
            row.sent_at === null &&
            row.abandoned_at === null &&
            row.next_attempt_at <= at &&
            (row.locked_until === null || row.locked_until <= at),
        )
        .sort((a, b) =>
          a.next_attempt_at === b.next_attempt_at ? a.id - b.id : a.next_attempt_at < b.next_attempt_at ? -1 : 1,
        )
        .slice(0, limit);
      return due.map((row): ClaimedMail => {
        row.locked_until = until;
        row.attempts++;
        return { id: row.id, to: row.to, content: structuredClone(row.content as MailContent), attempts: row.attempts };
      });
    },

    async mailSent(id, now) {
      assertOpen(state);
      const row = byId(id);
      if (!row) return;
      row.sent_at = isoInstant(now);
      row.locked_until = null;
      row.content = null;
    },

    async mailFailed(id, now, retryAt) {
      assertOpen(state);
      const row = byId(id);
      if (!row) return;
      row.locked_until = null;
      if (retryAt === null) {
        row.abandoned_at = isoInstant(now);
        row.content = null;
      } else {
        row.next_attempt_at = isoInstant(retryAt);
      }
    },

    async purgeMail(before) {
      assertOpen(state);
      const at = isoInstant(before);
      let purged = 0;
      for (const [key, row] of outbox) {
        const done = row.sent_at ?? row.abandoned_at;
        if (done !== null && done < at) {
          outbox.delete(key);
          purged++;
        }
      }
      for (const [key, e] of events) {
        if (e.digested_at !== null && e.digested_at < at) {
          events.delete(key);
          purged++;
        }
      }
      return purged;
    },

    async outboxCounts() {
      assertOpen(state);
      const rows = [...outbox.values()];
      return {
        pending: rows.filter((r) => r.sent_at === null && r.abandoned_at === null).length,
        sent: rows.filter((r) => r.sent_at !== null).length,
        abandoned: rows.filter((r) => r.abandoned_at !== null).length,
      };
    },
  };
}
