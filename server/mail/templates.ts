// Every message Boussole sends, in French, as plain text and simple HTML. A message never carries anything about
// the person oriented (name, phone, message, answers, appointment), nor the name of the partner or of the worker:
// an e-mail leaves our hands (mailboxes, phones, forwards). It says that something waits, and links to the app,
// where the reader signs in to see it.
import { ROLES } from '../../src/domain/vocabulary.ts';
import type { MailContent, NotificationEvent } from './mail-store.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Where links point: the app's public address, without a trailing slash (config `BOUSSOLE_PUBLIC_URL`). */
export interface MailLinks {
  appUrl: string;
}

const NOTIFICATIONS: Record<NotificationEvent, { subject: string; line: string }> = {
  nouvelle_orientation: {
    subject: 'Une nouvelle orientation vous attend dans Boussole',
    line: 'Une nouvelle orientation vous attend dans Boussole.',
  },
  orientation_acceptee: {
    subject: 'Une orientation a été acceptée dans Boussole',
    line: 'Un partenaire a accepté une orientation envoyée depuis votre compte ou votre équipe.',
  },
  orientation_refusee: {
    subject: 'Une orientation a été refusée dans Boussole',
    line: 'Un partenaire a refusé une orientation envoyée depuis votre compte ou votre équipe.',
  },
};

const DIGEST_LINES: Record<NotificationEvent, (n: number) => string> = {
  nouvelle_orientation: (n) =>
    n === 1 ? '1 nouvelle orientation vous attend.' : `${n} nouvelles orientations vous attendent.`,
  orientation_acceptee: (n) => (n === 1 ? '1 orientation a été acceptée.' : `${n} orientations ont été acceptées.`),
  orientation_refusee: (n) => (n === 1 ? '1 orientation a été refusée.' : `${n} orientations ont été refusées.`),
};

const PRIVACY =
  'Ce message ne contient aucune information sur les personnes orientées : elles ne sont visibles que dans Boussole.';
const PREFERENCES =
  'Pour recevoir un seul message par jour ou ne plus recevoir ces messages, adressez-vous à la coordination.';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs of plain text; a paragraph that is a link in HTML is given as `{ link }`. */
type Paragraph = string | { label: string; link: string };

function compose(subject: string, paragraphs: Paragraph[]): RenderedMail {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label} ${p.link}`)).join('\n\n');
  const body = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p>${escapeHtml(p.label)} <a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`,
    )
    .join('\n');
  const html = `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>\n`;
  return { subject, text: `${text}\n`, html };
}

export function renderMail(content: MailContent, links: MailLinks): RenderedMail {
  const referrals = `${links.appUrl}/orientations`;
  switch (content.template) {
    case 'invitation': {
      const { code, signInUrl, role } = content.params;
      const label = Object.hasOwn(ROLES, role) ? ROLES[role as keyof typeof ROLES] : role;
      return compose('Votre invitation à Boussole', [
        'Bonjour,',
        `Vous êtes invité·e à utiliser Boussole, l’annuaire de l’alimentation solidaire de la Métropole de Lyon, avec un compte « ${label} ».`,
        `Votre code d’invitation, à usage unique : ${code}`,
        { label: 'Pour vous connecter, ouvrez cette adresse et saisissez le code :', link: signInUrl },
        'Si vous n’attendiez pas ce message, ignorez-le : le code expirera de lui-même.',
      ]);
    }
    case 'notification': {
      const { subject, line } = NOTIFICATIONS[content.params.event];
      return compose(subject, [
        'Bonjour,',
        line,
        { label: 'Ouvrez Boussole pour la consulter :', link: referrals },
        PRIVACY,
        PREFERENCES,
      ]);
    }
    case 'digest': {
      const lines = (Object.keys(DIGEST_LINES) as NotificationEvent[])
        .filter((event) => (content.params.counts[event] ?? 0) > 0)
        .map((event) => DIGEST_LINES[event](content.params.counts[event] ?? 0));
      return compose('Boussole : vos orientations de la veille', [
        'Bonjour,',
        'Depuis le dernier résumé :',
        ...lines,
        { label: 'Ouvrez Boussole pour les consulter :', link: referrals },
        PRIVACY,
        PREFERENCES,
      ]);
    }
  }
}
