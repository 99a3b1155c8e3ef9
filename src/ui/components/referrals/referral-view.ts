// What the referral screens show of a referral on the device: its status as the person reads it (a pending send or
// answer comes first: nothing is "envoyée" before the server said so), the reminder and expiry dates, the sides.
import type { ReferralOnDevice } from '../../../db/referral-repo.ts';
import type { ReferralPolicy } from '../../../domain/referral.ts';
import type { Answers } from '../../../domain/referral-form.ts';
import { daysSince, needsReminder } from '../../../domain/referral-rules.ts';
import type { ChampLiaison } from '../../../domain/service.ts';
import type { Account } from '../../../domain/sync-protocol.ts';
import { STATUTS_ORIENTATION } from '../../../domain/vocabulary.ts';
import { fr } from '../../strings.ts';

const R = fr.referral;

export const dateFr = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
export const dateTimeFr = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** The content shown: the server's copy once there, else what this device wrote. */
export function contentOf(item: ReferralOnDevice) {
  const source = item.server ?? item.draft;
  if (!source) throw new Error('orientation vide');
  return source;
}

export function statusLabel(item: ReferralOnDevice): string {
  if (!item.server) return item.refusal ? R.refusedByServer(item.refusal) : R.pending;
  if (item.pending.some((p) => p.kind === 'status')) return R.pendingChange;
  return STATUTS_ORIENTATION[item.server.statut];
}

/** A partner account's own inbox: referrals to its structure. */
export function isReceived(item: ReferralOnDevice, account: Account): boolean {
  return account.role === 'partenaire' && contentOf(item).structure_id === account.structure_id;
}

export function reminderOf(item: ReferralOnDevice, now: Date, policy: ReferralPolicy): string | null {
  const server = item.server;
  if (!server || item.pending.length > 0 || !needsReminder(server, now, policy)) return null;
  return R.reminder(daysSince(server.envoyee_le, now));
}

export function expiryOf(item: ReferralOnDevice, policy: ReferralPolicy): string | null {
  const server = item.server;
  if (!server || (server.statut !== 'envoyee' && server.statut !== 'recue')) return null;
  return R.expiresOn(
    dateFr(new Date(Date.parse(server.envoyee_le) + policy.expiration_jours * 86_400_000).toISOString()),
  );
}

/** An answer as a sentence: yes/no in words, dates in French. */
export function answerText(field: ChampLiaison, answers: Answers): string {
  const value = answers[field.id];
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? R.yes : R.no;
  if (field.type === 'date' && typeof value === 'string') return dateFr(value);
  return String(value);
}
