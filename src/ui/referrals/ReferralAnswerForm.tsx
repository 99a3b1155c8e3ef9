import { useRef, useState } from 'preact/hooks';
import { appointmentSchema } from '../../domain/referral.ts';
import { appointmentProblems } from '../../domain/referral-rules.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import type { Problem } from '../../domain/validation.ts';
import { parse } from '../../domain/validation.ts';
import { MOTIFS_REFUS_ORIENTATION } from '../../domain/vocabulary.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/FormFields.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { frReferral } from './strings-referral.ts';

const A = frReferral.answer;
const RDV = frReferral.appointment;
type Reason = keyof typeof MOTIFS_REFUS_ORIENTATION;

export interface AnswerDraft {
  choice: '' | 'acceptee' | 'refusee';
  motif: '' | Reason;
  note: string;
  date: string;
  heure: string;
  lieu: string;
  interlocuteur: string;
}

export const EMPTY_ANSWER: AnswerDraft = {
  choice: '',
  motif: '',
  note: '',
  date: '',
  heure: '',
  lieu: '',
  interlocuteur: '',
};

/**
 * The change an answer makes, or its errors keyed by field (`choice`, `motif`, `rendez_vous.date`…): nothing is
 * chosen for the partner, a refusal needs its reason, and an appointment needs its day, from `today` on (the
 * device's day: a typing slip is caught here, the server checks again with its own clock).
 */
export function checkAnswer(
  draft: AnswerDraft,
  today: string,
  now: Date,
): { ok: true; change: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (draft.choice === '') errors.choice = A.choiceMissing;
  if (draft.choice === 'refusee' && draft.motif === '') errors.motif = A.reasonMissing;
  const note = draft.note.trim();
  let rendezVous: unknown;
  if (draft.choice === 'acceptee') {
    const given = {
      date: draft.date.trim(),
      heure: draft.heure.trim(),
      lieu: draft.lieu.trim(),
      interlocuteur: draft.interlocuteur.trim(),
    };
    if (Object.values(given).some(Boolean)) {
      if (!given.date) errors['rendez_vous.date'] = RDV.dateMissing;
      else {
        const parsed = parse(appointmentSchema, Object.fromEntries(Object.entries(given).filter(([, v]) => v !== '')));
        const problems: Problem[] = parsed.ok
          ? appointmentProblems(parsed.value, today, now)
          : parsed.problems.map((p) => ({ ...p, path: `rendez_vous.${p.path}` }));
        for (const p of problems) errors[p.path] ??= p.message;
        if (parsed.ok) rendezVous = parsed.value;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    change: {
      statut: draft.choice,
      ...(draft.choice === 'refusee' ? { motif: draft.motif } : {}),
      ...(note ? { note } : {}),
      ...(rendezVous ? { rendez_vous: rendezVous } : {}),
    },
  };
}

const ids: Record<string, string> = {
  choice: 'f-answer-choice',
  motif: 'f-motif',
  'rendez_vous.date': 'f-rendez_vous-date',
  'rendez_vous.heure': 'f-rendez_vous-heure',
  'rendez_vous.lieu': 'f-rendez_vous-lieu',
  'rendez_vous.interlocuteur': 'f-rendez_vous-interlocuteur',
};

/**
 * The receiving partner's answer: accept (with an appointment for the person, if it gives one) or refuse (with a
 * reason), nothing chosen beforehand. Queued on the device like any answer, sent at the next sync.
 */
export function ReferralAnswerForm({
  onAnswer,
  now = () => new Date(),
}: {
  onAnswer: (change: Record<string, unknown>) => Promise<{ ok: true } | { ok: false; problems: Problem[] }>;
  now?: () => Date;
}) {
  const [draft, setDraft] = useState<AnswerDraft>(EMPTY_ANSWER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  const set = (patch: Partial<AnswerDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setFailures((n) => n + 1);
  };

  async function submit(event: Event) {
    event.preventDefault();
    const at = now();
    const checked = checkAnswer(draft, parisDay(at), at);
    if (!checked.ok) return fail(checked.errors);
    const saved = await onAnswer(checked.change);
    if (!saved.ok) return fail(Object.fromEntries(saved.problems.map((p) => [p.path || 'form', p.message])));
    setErrors({});
  }

  const choiceError = errors.choice;
  const motifError = errors.motif;
  return (
    <form ref={form} class="form-section no-print" aria-labelledby="answer-legend" noValidate onSubmit={submit}>
      <h2 id="answer-legend">{A.legend}</h2>
      <ErrorSummary errors={errors} idOf={(key) => ids[key] ?? key} />
      <div
        id="f-answer-choice"
        class="choices"
        role="radiogroup"
        aria-labelledby="f-answer-choice-legend"
        aria-invalid={choiceError ? 'true' : undefined}
        aria-describedby={choiceError ? 'f-answer-choice-error' : undefined}
      >
        <p id="f-answer-choice-legend" class="group-label">
          {A.choice}
        </p>
        {(['acceptee', 'refusee'] as const).map((choice) => (
          <label class="check" key={choice}>
            <input
              type="radio"
              name="answer-choice"
              value={choice}
              checked={draft.choice === choice}
              onChange={() => set({ choice })}
            />
            {choice === 'acceptee' ? A.accept : A.refuse}
          </label>
        ))}
        {choiceError && (
          <p id="f-answer-choice-error" class="field-error">
            {choiceError}
          </p>
        )}
      </div>
      {draft.choice === 'refusee' && (
        <div class="field">
          <label for="f-motif">{frReferral.refuseReason}</label>
          <select
            id="f-motif"
            value={draft.motif}
            aria-invalid={motifError ? 'true' : undefined}
            aria-describedby={motifError ? 'f-motif-error' : undefined}
            onChange={(e) => set({ motif: e.currentTarget.value as Reason })}
          >
            <option value="">{frReferral.choose}</option>
            {Object.entries(MOTIFS_REFUS_ORIENTATION).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          {motifError && (
            <p id="f-motif-error" class="field-error">
              {motifError}
            </p>
          )}
        </div>
      )}
      {draft.choice === 'acceptee' && (
        <fieldset class="form-section appointment-fields">
          <legend>{RDV.legend}</legend>
          <p class="hint">{RDV.intro}</p>
          <TextField
            path="rendez_vous.date"
            label={RDV.date}
            type="date"
            value={draft.date}
            hint={RDV.dateHint}
            error={errors['rendez_vous.date']}
            onInput={(date) => set({ date })}
          />
          <TextField
            path="rendez_vous.heure"
            label={RDV.time}
            type="time"
            value={draft.heure}
            hint={RDV.timeHint}
            error={errors['rendez_vous.heure']}
            onInput={(heure) => set({ heure })}
          />
          <TextField
            path="rendez_vous.lieu"
            label={RDV.place}
            value={draft.lieu}
            hint={RDV.placeHint}
            error={errors['rendez_vous.lieu']}
            onInput={(lieu) => set({ lieu })}
          />
          <TextField
            path="rendez_vous.interlocuteur"
            label={RDV.contact}
            value={draft.interlocuteur}
            error={errors['rendez_vous.interlocuteur']}
            onInput={(interlocuteur) => set({ interlocuteur })}
          />
        </fieldset>
      )}
      <div class="field">
        <label for="f-note">{frReferral.noteLabel}</label>
        <textarea
          id="f-note"
          rows={3}
          maxLength={1000}
          value={draft.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </div>
      <p class="hint">{A.offline}</p>
      <div class="actions">
        <button type="submit" class="button primary">
          {A.send}
        </button>
      </div>
    </form>
  );
}
