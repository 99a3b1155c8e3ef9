import { frReach as T } from '../../strings-reach.ts';
import { ContactLinks } from '../ContactLinks.tsx';

/**
 * Before a referral is written to a partner that cannot receive it in Boussole (`recoit_orientations` is not set:
 * no active partner account), the worker is told so and offered the phone, and the form below prints the fiche de
 * liaison instead of sending it: nothing waits in a queue nobody reads.
 */
export function ReachNotice({ partner, telephone }: { partner: string; telephone: string | undefined }) {
  return (
    <section class="notice reach-notice no-print" role="status" aria-labelledby="reach-title">
      <h2 id="reach-title">{T.title(partner)}</h2>
      <p>{T.body}</p>
      <div class="actions">{telephone ? <ContactLinks telephone={telephone} /> : <span>{T.noPhone}</span>}</div>
    </section>
  );
}
