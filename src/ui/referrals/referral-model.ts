// The referral screens' state, loaded with their chunk: the referrals on this device as a live list,
// the actions that queue (then ask for a sync), and the coordinators' counts (online only). What a referral says
// about a person stays in IndexedDB (referral-repo.ts) and in these signals, never in the URL or the logs.
import { signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { followRead } from '../../db/live-read.ts';
import {
  listReferrals,
  queueReferral,
  queueStatusChange,
  type ReferralOnDevice,
  readReferralPolicy,
} from '../../db/referral-repo.ts';
import type { NotificationChange, NotificationSettings } from '../../domain/notifications.ts';
import { DEFAULT_REFERRAL_POLICY, type ReferralPolicy, type ReferralStats } from '../../domain/referral.ts';
import type { Problem } from '../../domain/validation.ts';

/** The account's e-mail notification settings, read and written online (GET / PUT /api/v1/notifications). */
export interface NotificationsAccess {
  read(): Promise<NotificationSettings>;
  write(change: NotificationChange): Promise<NotificationSettings>;
}

/** A random id made on the device, so that a referral written offline is the same referral when it is resent. */
export function newReferralId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function createReferralModel(
  db: BoussoleDatabase,
  options: {
    syncNow: () => Promise<void>;
    stats: () => Promise<ReferralStats>;
    notifications?: NotificationsAccess;
    now?: () => Date;
  },
) {
  const now = options.now ?? (() => new Date());
  const items = signal<ReferralOnDevice[] | null>(null);
  const policy = signal<ReferralPolicy>(DEFAULT_REFERRAL_POLICY);
  followRead(
    async () => ({ list: await listReferrals(db), policy: await readReferralPolicy(db) }),
    (value) => {
      items.value = value.list;
      if (value.policy) policy.value = value.policy;
    },
    // A list that cannot be read stays unknown (« Chargement… »), never shown as empty.
    () => {},
  );

  return {
    items,
    policy,
    now,
    /** Stores and queues the referral, then tries to send it; false with problems when it does not parse. */
    async write(draft: unknown): Promise<{ ok: true; id: string } | { ok: false; problems: Problem[] }> {
      const queued = await queueReferral(db, draft, now());
      if (!queued.ok) return queued;
      void options.syncNow();
      return { ok: true, id: queued.draft.id };
    },
    /** Queues the change, then tries to send it; nothing is queued when it does not parse (problems said). */
    async setStatus(
      referralId: string,
      change: Record<string, unknown>,
    ): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
      const queued = await queueStatusChange(db, referralId, { id: newReferralId('chg'), ...change }, now());
      if (!queued.ok) return queued;
      void options.syncNow();
      return { ok: true };
    },
    stats: options.stats,
    notifications: options.notifications ?? null,
  };
}

export type ReferralModel = ReturnType<typeof createReferralModel>;
