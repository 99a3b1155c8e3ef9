// The referral step of a sync run (docs/sync-protocol.md, "Referrals"): send the referral outbox in order,
// then read the account's referral feed since its cursor, then erase expired personal fields on the device. The
// sync controller runs it inside its own loop (same triggers, lock and backoff as the directory). An action leaves
// the outbox only on the server's parsed answer; a refusal (4xx) is shown with its reason and never blocks the
// queue; offline, 5xx and malformed answers leave everything in place for the next run.
import type { ReferralOutboxEntry } from '../db/database.ts';
import type { Referral, ReferralDraft, ReferralPage, ReferralPolicy, StatusChange } from '../domain/referral.ts';
import { RequestRefusedError } from './transport-errors.ts';

export interface ReferralTransport {
  send(draft: ReferralDraft): Promise<Referral>;
  changeStatus(referralId: string, change: StatusChange): Promise<Referral>;
  page(cursor: number, limit: number): Promise<ReferralPage>;
}

export interface ReferralsOnDevice {
  nextOp(): Promise<ReferralOutboxEntry | undefined>;
  acknowledged(key: number, referral: Referral): Promise<void>;
  refused(key: number, message: string): Promise<void>;
  readCursor(): Promise<{ cursor: number; epoch: string | null }>;
  applyPage(page: ReferralPage): Promise<void>;
  eraseExpired(now: Date, policy: ReferralPolicy): Promise<number>;
}

const PAGE = 200;

export async function syncReferrals(options: {
  transport: ReferralTransport;
  device: ReferralsOnDevice;
  now: () => Date;
}): Promise<{ sent: number; refused: number; received: number }> {
  const { transport, device, now } = options;
  const summary = { sent: 0, refused: 0, received: 0 };
  for (;;) {
    const entry = await device.nextOp();
    if (!entry?.key) break;
    try {
      const referral =
        entry.op.kind === 'send'
          ? await transport.send(entry.op.draft)
          : await transport.changeStatus(entry.referralId, entry.op.change);
      await device.acknowledged(entry.key, referral);
      summary.sent++;
    } catch (error) {
      if (!(error instanceof RequestRefusedError)) throw error;
      await device.refused(entry.key, error.message);
      summary.refused++;
    }
  }
  let { cursor, epoch } = await device.readCursor();
  let policy: ReferralPolicy | null = null;
  for (;;) {
    let page = await transport.page(cursor, PAGE);
    // Another database (restored, rebuilt): read this account's referrals again from the start.
    if (epoch !== null && page.epoch !== epoch && cursor > 0) page = await transport.page(0, PAGE);
    await device.applyPage(page);
    summary.received += page.referrals.length;
    policy = page.policy;
    epoch = page.epoch;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  await device.eraseExpired(now(), policy);
  return summary;
}
