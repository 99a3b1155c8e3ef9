import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ROLES } from '../../domain/vocabulary.ts';
import { ROLES as ROLE_LABELS } from '../../domain/vocabulary.ts';
import type { AppContext } from '../boot.ts';
import { fr } from '../strings.ts';

type DemoCode = { role: keyof typeof ROLES; nom: string; code: string };

export function SignInScreen({ context }: { context: AppContext }) {
  const location = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoCode[]>([]);
  const online = context.syncModel.online.value;
  const account = context.session.account.value;
  const pending = context.pending.items.value.length;

  useEffect(() => {
    if (!online) return;
    // Only a demo server answers; in production the section simply does not appear.
    context.session.demoCodes().then(
      (r) => setDemo(r.codes),
      () => setDemo([]),
    );
  }, [online]);

  async function signIn(value: string) {
    setBusy(true);
    setError(null);
    try {
      await context.signIn(value);
      location.route('/');
    } catch (e) {
      setError(fr.signIn.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signin-title" class="narrow">
      <h1 id="signin-title">{fr.signIn.title}</h1>
      {account && <p>{fr.signIn.signedInAs(account.nom, ROLE_LABELS[account.role])}</p>}
      <p>{fr.signIn.intro}</p>
      {pending > 0 && <p class="notice">{fr.signIn.pendingKept(pending)}</p>}
      {!online && <p class="notice">{fr.signIn.offline}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(code);
        }}
      >
        <div class="field">
          <label for="code">{fr.signIn.codeLabel}</label>
          <input
            id="code"
            name="code"
            autocomplete="one-time-code"
            autocapitalize="characters"
            aria-describedby="code-hint code-error"
            aria-invalid={error ? 'true' : undefined}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            required
          />
          <p id="code-hint" class="hint">
            {fr.signIn.codeHint}
          </p>
          {error && (
            <p id="code-error" class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="button primary" disabled={busy || !online}>
          {fr.signIn.submit}
        </button>
      </form>
      {demo.length > 0 && (
        <section aria-labelledby="demo-title" class="demo">
          <h2 id="demo-title">{fr.signIn.demoTitle}</h2>
          <p>{fr.signIn.demoIntro}</p>
          <ul class="plain">
            {demo.map((d) => (
              <li key={d.code}>
                <button type="button" class="button" disabled={busy} onClick={() => void signIn(d.code)}>
                  {fr.signIn.demoAs(ROLE_LABELS[d.role])}
                </button>{' '}
                <span class="hint">{d.nom}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
