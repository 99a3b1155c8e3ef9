import type { AppContext } from '../boot.ts';
import { frDevice as T } from './strings-device.ts';

/** Says, on every screen, that the device was revoked and what it erased, until the person dismisses it. */
export function RevokedNotice({ context }: { context: AppContext }) {
  return (
    <section class="notice revoked-notice" role="alert" aria-labelledby="revoked-title">
      <h2 id="revoked-title">{T.revokedTitle}</h2>
      <p>{T.revokedBody}</p>
      <div class="actions">
        <a class="button" href="/connexion">
          {T.signIn}
        </a>
        <button type="button" class="button" onClick={() => void context.session.dismissRevoked()}>
          {T.dismiss}
        </button>
      </div>
    </section>
  );
}
