import { ContactLinks } from '../components/ContactLinks.tsx';
import { frReach as T } from './strings-reach.ts';

/**
 * Before a referral is written to a partner that cannot receive it in Boussole (`recoit_orientations` is not set:
 * no active partner account), the worker is told so and offered the phone, and the form below prints the fiche de
 * liaison instead of sending it: nothing waits in a queue nobody reads.
 */
export function ReachNotice({
  partner,
  telephone,
  title = T.title(partner),
  body = T.body,
  printable = false,
}: {
  partner: string;
  telephone: string | undefined;
  title?: string;
  body?: string;
  /** A print button of its own, where no form below prints the fiche de liaison (a referral already written). */
  printable?: boolean;
}) {
  return (
    <section class="notice reach-notice no-print" role="status" aria-labelledby="reach-title">
      <h2 id="reach-title">{title}</h2>
      <p>{body}</p>
      <div class="actions">
        {printable && (
          <button type="button" class="button" onClick={() => window.print()}>
            {T.print}
          </button>
        )}
        {telephone ? <ContactLinks telephone={telephone} /> : <span>{T.noPhone}</span>}
      </div>
    </section>
  );
}

/**
 * On a referral already written: the server refused to transmit it (a partner without active account, among other
 * reasons: the badge gives the server's words), or it waits, unanswered, at a partner that stopped receiving
 * referrals in Boussole. Nothing is lost: the fiche de liaison stays on the device to print or read on the phone.
 */
export function UndeliveredNotice({
  refused,
  partner,
  telephone,
}: {
  refused: boolean;
  partner: string;
  telephone: string | undefined;
}) {
  return refused ? (
    <ReachNotice partner={partner} telephone={telephone} title={T.refusedTitle} body={T.refusedBody} printable />
  ) : (
    <ReachNotice partner={partner} telephone={telephone} title={T.unreadTitle(partner)} body={T.unreadBody} printable />
  );
}
