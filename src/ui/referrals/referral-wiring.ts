// Referrals' share of the app wiring, in a chunk of its own loaded on demand: the sync step the
// controller runs after the outbox push (signed-in workers and partners only), the screens' model and the
// coordinators' counts. boot.ts only imports it dynamically, so the first load carries none of it.
import type { BoussoleDatabase } from '../../db/database.ts';
import {
  applyReferralPage,
  eraseExpiredCopies,
  landAcknowledged,
  landRefused,
  nextReferralOp,
  readReferralCursor,
} from '../../db/referral-repo.ts';
import { syncReferrals } from '../../sync/referral-sync.ts';
import { referralHttpTransport } from '../../sync/referral-transport.ts';
import { createReferralModel } from './referral-model.ts';

export function referralWiring(db: BoussoleDatabase, getToken: () => string | null) {
  const transport = referralHttpTransport({ getToken });
  return {
    step: (now: () => Date) =>
      syncReferrals({
        transport,
        now,
        device: {
          nextOp: () => nextReferralOp(db),
          acknowledged: (key, referral) => landAcknowledged(db, key, referral),
          refused: (key, message) => landRefused(db, key, message),
          readCursor: () => readReferralCursor(db),
          applyPage: (page) => applyReferralPage(db, page),
          eraseExpired: (at, policy) => eraseExpiredCopies(db, at, policy),
        },
      }),
    model: (syncNow: () => Promise<void>) =>
      createReferralModel(db, {
        syncNow,
        stats: () => transport.stats(),
        notifications: { read: () => transport.notifications(), write: (c) => transport.setNotifications(c) },
      }),
  };
}

export type ReferralWiring = ReturnType<typeof referralWiring>;
