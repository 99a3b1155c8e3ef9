import { useEffect, useRef, useState } from 'preact/hooks';
import {
  emailSchema,
  type NotificationPreference,
  type NotificationSettings as Settings,
} from '../../domain/notifications.ts';
import { parse } from '../../domain/validation.ts';
import type { NotificationsAccess } from './referral-model.ts';
import { frReferral } from './strings-referral.ts';

const M = frReferral.mail;
const CHOICES: NotificationPreference[] = ['immediate', 'daily', 'none'];

/**
 * Under the referral list: the account's address and how often it is told (GET / PUT /api/v1/notifications),
 * online only. Nothing when the server mails nothing: the list's notice already says so.
 */
export function NotificationSettings({ access }: { access: NotificationsAccess }) {
  const [settings, setSettings] = useState<Settings | null | 'offline'>(null);
  const [email, setEmail] = useState('');
  const [how, setHow] = useState<NotificationPreference>('immediate');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const emailField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    access.read().then(
      (read) => {
        setSettings(read);
        setEmail(read.email ?? '');
        setHow(read.notifications);
      },
      () => setSettings('offline'),
    );
  }, [access]);

  if (settings === null) return null;
  if (settings === 'offline') return <p class="notice">{M.online}</p>;
  if (!settings.courriel) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    const typed = email.trim();
    if (typed !== '' && !parse(emailSchema, typed).ok) {
      setError(M.emailInvalid);
      emailField.current?.focus();
      return;
    }
    setError(null);
    try {
      const saved = await access.write({ email: typed === '' ? null : typed, notifications: how });
      setSettings(saved);
      setStatus(M.saved);
    } catch {
      setStatus(M.notSaved);
    }
  };

  return (
    <section aria-labelledby="mail-settings-title" data-testid="mail-settings">
      <h2 id="mail-settings-title">{M.title}</h2>
      <p>{M.intro}</p>
      <form onSubmit={submit} noValidate class="stack">
        <div>
          <label for="mail-email">{M.email}</label>
          <p id="mail-email-hint" class="hint">
            {M.emailHint}
          </p>
          {error && (
            <p id="mail-email-error" class="field-error">
              {error}
            </p>
          )}
          <input
            id="mail-email"
            ref={emailField}
            type="email"
            autocomplete="email"
            value={email}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'mail-email-hint mail-email-error' : 'mail-email-hint'}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <fieldset>
          <legend>{M.how}</legend>
          {CHOICES.map((choice) => (
            <label key={choice} class="choice">
              <input
                type="radio"
                name="mail-how"
                value={choice}
                checked={how === choice}
                onChange={() => setHow(choice)}
              />{' '}
              {M[choice]}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button primary">
          {M.save}
        </button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
