import { useEffect, useRef } from 'preact/hooks';
import type { InvitationAnswer } from '../../domain/admin.ts';
import { QrCode } from '../handout/QrCode.tsx';
import { fullDate } from '../text/fr-format.ts';
import { frAdmin as A } from './strings-admin.ts';

/**
 * The code, once, as a letter to print and hand over: the sign-in address with the code (QR code and text). The
 * server keeps only the code's hash; once this letter is closed, only « Nouveau code » gives another.
 */
export function InvitationLetter({
  answer,
  place,
  onClose,
}: {
  answer: InvitationAnswer;
  place: string | undefined;
  onClose: () => void;
}) {
  // The code is the outcome of the action: focus goes to the letter, so a screen reader reads it at once.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [answer.code]);
  const address = `${globalThis.location.origin}/connexion?code=${encodeURIComponent(answer.code)}`;
  const expires = fullDate(Date.parse(answer.expire_le));
  return (
    <section aria-labelledby="letter-title" class="invitation-letter">
      <h2 id="letter-title" tabIndex={-1} ref={title}>
        {A.letterTitle}
      </h2>
      <p>
        {A.letterFor(answer.compte.nom, A.roles[answer.compte.role])}
        {place !== undefined && <> · {place}</>}
      </p>
      <p>{A.letterIntro}</p>
      <QrCode value={address} label={A.letterQr} />
      <p class="letter-address">{address}</p>
      <p>
        {A.letterCode} :{' '}
        <strong class="letter-code" data-testid="invitation-code">
          {answer.code}
        </strong>
      </p>
      <p>{A.letterExpires(expires)}</p>
      <p class="no-print">{answer.courriel_envoye ? A.emailed : A.notEmailed}</p>
      <div class="actions no-print">
        <button type="button" class="button" onClick={() => globalThis.print()}>
          {A.print}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {A.close}
        </button>
      </div>
    </section>
  );
}
