// What the referral screens show of a referral on the device: its status as the person reads it (a pending send or
// answer comes first: nothing is "envoyée" before the server said so), the reminder and expiry dates, the sides.
import type { ReferralOnDevice } from '../../db/referral-repo.ts';
import type { ReferralPolicy } from '../../domain/referral.ts';
import type { Answers } from '../../domain/referral-form.ts';
import { daysSince, needsReminder } from '../../domain/referral-rules.ts';
import type { ChampLiaison } from '../../domain/service.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { DAY_MS } from '../../domain/time/paris-time.ts';
import { STATUTS_ORIENTATION } from '../../domain/vocabulary.ts';
import { type BadgeTone, REFERRAL_TONES } from '../components/Badge.tsx';
import { numericDate, numericDateOf } from '../text/fr-format.ts';
import { frReferral } from './strings-referral.ts';

const R = frReferral;

/** The content shown: the server's copy once there, else what this device wrote. */
export function contentOf(item: ReferralOnDevice) {
  const source = item.server ?? item.draft;
  if (!source) throw new Error('orientation vide');
  return source;
}

/** The badge's tone for `statusLabel`: what waits for the network, what the server refused, or the status. */
export function statusTone(item: ReferralOnDevice): BadgeTone {
  if (!item.server) return item.refusal ? 'danger' : 'waiting';
  if (item.pending.some((p) => p.kind === 'status')) return 'waiting';
  return REFERRAL_TONES[item.server.statut];
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
  return R.expiresOn(numericDateOf(Date.parse(server.envoyee_le) + policy.expiration_jours * DAY_MS));
}

/** A phone number as a `tel:` address: digits and a leading +, nothing else. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** An answer as a sentence: yes/no in words, dates in French. */
export function answerText(field: ChampLiaison, answers: Answers): string {
  const value = answers[field.id];
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? R.yes : R.no;
  if (field.type === 'date' && typeof value === 'string') return numericDate(value);
  return String(value);
}

/** The keyboard a field calls for: numbers, a phone number, an e-mail address, a date, or text. */
export function keyboardOf(field: ChampLiaison): {
  type: 'text' | 'tel' | 'email' | 'date';
  inputMode?: 'decimal' | 'tel' | 'email';
} {
  if (field.type === 'date') return { type: 'date' };
  if (field.type === 'nombre') return { type: 'text', inputMode: 'decimal' };
  const words = `${field.id} ${field.libelle}`.toLowerCase();
  if (/t[ée]l[ée]phone|portable/.test(words)) return { type: 'tel', inputMode: 'tel' };
  if (/courriel|e-?mail|m[ée]l\b/.test(words)) return { type: 'email', inputMode: 'email' };
  return { type: 'text' };
}
