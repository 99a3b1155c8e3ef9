import type { Answers } from '../../../domain/referral-form.ts';
import type { ChampLiaison } from '../../../domain/service.ts';
import { fr } from '../../strings.ts';
import { answerText } from './referral-view.ts';

const R = fr.referral;

interface Props {
  partner: string;
  service: string;
  form: readonly ChampLiaison[];
  answers: Answers;
  message: string | undefined;
  consent: string | null;
  by: string | null;
  /** Shown only on paper (the write screen), or on screen too (the detail screen). */
  printOnly?: boolean;
}

/** The fiche de liaison as the partner reads it, on screen or printed on A4 for partners who work on paper. */
export function ReferralSheet({ partner, service, form, answers, message, consent, by, printOnly = false }: Props) {
  return (
    <article class={printOnly ? 'referral-sheet print-only' : 'referral-sheet'} aria-label={R.sheetTitle}>
      <h2>{R.sheetTitle}</h2>
      <p>{R.sheetFor(partner, service)}</p>
      {by && <p>{R.sheetBy(by)}</p>}
      <dl class="facts">
        {form.map((field) => (
          <div key={field.id}>
            <dt>{field.libelle}</dt>
            <dd data-testid={`answer-${field.id}`}>{answerText(field, answers)}</dd>
          </div>
        ))}
      </dl>
      {message && (
        <>
          <h3>{R.messageTitle}</h3>
          <p class="referral-message">{message}</p>
        </>
      )}
      {consent && <p>{consent}</p>}
    </article>
  );
}
