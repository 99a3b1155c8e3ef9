import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ROLES } from '../../domain/vocabulary-roles.ts';
import { ROLES as ROLE_LABELS, roleBesideName } from '../../domain/vocabulary-roles.ts';
import type { AppContext } from '../boot.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { frSignIn } from './strings-sign-in.ts';

type DemoCode = { role: keyof typeof ROLES; nom: string; code: string };

export function SignInScreen({ context }: { context: AppContext }) {
  const location = useLocation();
  // The invitation letter's QR code opens /connexion?code=… : the code is filled in, the person only confirms.
  const [code, setCode] = useState(typeof location.query.code === 'string' ? location.query.code : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
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
      setError(frSignIn.failed(e instanceof Error ? e.message : String(e)));
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signin-title" class="narrow">
      <h1 id="signin-title">{frSignIn.title}</h1>
      {account && <p>{frSignIn.signedInAs(account.nom, roleBesideName(account.nom, account.role))}</p>}
      <p>{frSignIn.intro}</p>
      {pending > 0 && <p class="notice">{frSignIn.pendingKept(pending)}</p>}
      {!online && <p class="notice">{frSignIn.offline}</p>}
      <form
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(code);
        }}
      >
        <ErrorSummary errors={error ? { code: error } : {}} idOf={() => 'code'} intro={null} />
        <div class="field">
          <label for="code">{frSignIn.codeLabel}</label>
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
            {frSignIn.codeHint}
          </p>
          {error && (
            <p id="code-error" class="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="button primary" disabled={busy || !online}>
          {frSignIn.submit}
        </button>
      </form>
      {demo.length > 0 && (
        <section aria-labelledby="demo-title" class="demo">
          <h2 id="demo-title">{frSignIn.demoTitle}</h2>
          <p>{frSignIn.demoIntro}</p>
          <ul class="plain">
            {demo.map((d) => (
              <li key={d.code}>
                <button type="button" class="button" disabled={busy} onClick={() => void signIn(d.code)}>
                  {frSignIn.demoAs(ROLE_LABELS[d.role])}
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
