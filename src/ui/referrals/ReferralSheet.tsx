import type { Answers } from '../../domain/referral-form.ts';
import type { ChampLiaison } from '../../domain/service.ts';
import { answerText, keyboardOf, telHref } from './referral-view.ts';
import { frReferral } from './strings-referral.ts';

/** An answer as the partner reads it; a phone number or an e-mail address is a link that calls or writes. */
function AnswerValue({ field, answers }: { field: ChampLiaison; answers: Answers }) {
  const text = answerText(field, answers);
  const value = answers[field.id];
  if (typeof value !== 'string' || !value.trim()) return <>{text}</>;
  const kind = keyboardOf(field).type;
  if (kind === 'tel') return <a href={telHref(value)}>{text}</a>;
  if (kind === 'email') return <a href={`mailto:${value.trim()}`}>{text}</a>;
  return <>{text}</>;
}

const R = frReferral;

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
            <dd data-testid={`answer-${field.id}`}>
              <AnswerValue field={field} answers={answers} />
            </dd>
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
