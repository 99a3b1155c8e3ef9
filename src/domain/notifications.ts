// An account's e-mail notifications (GET / PUT /api/v1/notifications): whether the server mails at all, the
// address, and how often. Messages never carry personal data (server/mail/templates.ts); this is only where and when.
import * as z from 'zod/mini';
import { answerProtocolSchema } from './protocol-version.ts';

export const NOTIFICATION_PREFERENCES = ['immediate', 'daily', 'none'] as const;
export const notificationPreferenceSchema = z.enum(NOTIFICATION_PREFERENCES);
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const emailSchema = z.email({ error: 'Adresse électronique attendue (nom@domaine.fr)' }).check(z.maxLength(254));

export const notificationSettingsSchema = z.object({
  protocol: answerProtocolSchema,
  /** False when the server has no SMTP server: nothing is mailed, whatever is set here. */
  courriel: z.boolean(),
  email: z.nullable(z.string()),
  notifications: notificationPreferenceSchema,
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** PUT body: what to change; `email: null` removes the account's address. */
export const notificationChangeSchema = z.strictObject({
  protocol: z.number(),
  email: z.optional(z.nullable(emailSchema)),
  notifications: z.optional(notificationPreferenceSchema),
});
export type NotificationChange = Omit<z.infer<typeof notificationChangeSchema>, 'protocol'>;
