// The one place that speaks SMTP: nodemailer over the server named by BOUSSOLE_SMTP_URL (smtp:// or smtps://,
// credentials in the URL). Timeouts are short because a send runs in the mail job, which must move on to the next
// message and retry later rather than hang on a server that does not answer.
import nodemailer from 'nodemailer';
import type { RenderedMail } from './templates.ts';

export interface OutgoingMail extends RenderedMail {
  to: string;
}

export interface MailTransport {
  /** Resolves once the SMTP server accepted the message; rejects otherwise (the job retries). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const TIMEOUT_MS = 20_000;

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(
    { url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS },
    { from },
  );
  return {
    async send({ to, subject, text, html }) {
      await transporter.sendMail({ to, subject, text, html });
    },
    close: () => transporter.close(),
  };
}
