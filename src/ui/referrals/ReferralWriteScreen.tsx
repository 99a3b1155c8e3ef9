import { useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { referralDraftSchema } from '../../domain/referral.ts';
import type { Answers } from '../../domain/referral-form.ts';
import { referralForm } from '../../domain/referral-form.ts';
import { prefillAnswers } from '../../domain/referral-prefill.ts';
import { maySend } from '../../domain/referral-rules.ts';
import type { ChampLiaison } from '../../domain/service.ts';
import { parse } from '../../domain/validation.ts';
import { CANAUX_LIAISON, CONSENTEMENT_PAR } from '../../domain/vocabulary.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import type { WorkInProgress } from '../orientation/work-in-progress.ts';
import { numericDateTime } from '../text/fr-format.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { ReachNotice } from './ReachNotice.tsx';
import { ReferralSheet } from './ReferralSheet.tsx';
import { newReferralId } from './referral-model.ts';
import { keyboardOf } from './referral-view.ts';
import { frReferral } from './strings-referral.ts';
import { type ReferralContext, useReferralModel } from './use-referrals.ts';

const R = frReferral;
type Inputs = Record<string, string | boolean>;

/** Element ids of the form's fields, by the key their errors take. */
const idOfError = (key: string) =>
  key === 'consent' ? 'f-consent' : key === 'representant' ? 'f-representant' : `f-answer-${key}`;

/** Inputs hold strings (and booleans for yes/no); answers are typed, and empty inputs are absent answers. */
function answersOf(form: readonly ChampLiaison[], inputs: Inputs): Answers {
  const answers: Answers = {};
  for (const field of form) {
    const raw = inputs[field.id];
    if (typeof raw === 'boolean') answers[field.id] = raw;
    else if (typeof raw === 'string' && raw.trim() !== '') {
      const n = Number(raw.trim().replace(',', '.'));
      answers[field.id] = field.type === 'nombre' && Number.isFinite(n) ? n : raw.trim();
    }
  }
  return answers;
}

/** Route /orientations/nouvelle/:serviceId: the partner's fiche de liaison, pre-filled, with consent. */
export function ReferralWriteScreen({
  context,
  work,
  serviceId,
}: {
  context: ReferralContext;
  /** The orientation in progress: its profile pre-fills the form. */
  work: WorkInProgress;
  serviceId: string;
}) {
  const model = useReferralModel(context.referrals);
  const location = useLocation();
  const entry = context.catalog.value?.entry(serviceId);
  const form = useMemo(() => (entry ? referralForm(entry.service.fiche_liaison) : []), [entry]);
  const prefill = useMemo(() => prefillAnswers(form, work.orientation.profile.value), [form]);
  const [inputs, setInputs] = useState<Inputs>({});
  const [consent, setConsent] = useState(false);
  const [par, setPar] = useState<keyof typeof CONSENTEMENT_PAR>('personne');
  const [representative, setRepresentative] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, failures);
  const [id] = useState(() => newReferralId('ref'));
  if (!entry) {
    // The directory snapshot loads after the first screen: "loading" until it is there, then "missing".
    if (!context.catalog.value?.ready.value) return <p aria-busy="true">{frDirectory.loading}</p>;
    return <p role="alert">{R.missingService}</p>;
  }

  const partner = entry.structure?.nom ?? entry.service.nom;
  const values: Inputs = {
    ...Object.fromEntries(Object.entries(prefill).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])),
    ...inputs,
  };
  const account = context.session.account.value;
  // No silent queue: a partner without an active account would never read what is sent (ReachNotice).
  const reachable = entry.structure?.recoit_orientations === true;
  const canSend = account !== null && maySend(account) && reachable;
  const set = (fieldId: string, value: string | boolean) => setInputs((prev) => ({ ...prev, [fieldId]: value }));
  const at = new Date().toISOString();
  const consentText = consent
    ? R.consentRecorded(
        par === 'representant' && representative ? representative : CONSENTEMENT_PAR[par],
        numericDateTime(Date.parse(at)),
        partner,
      )
    : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (!model) return;
    const found: Record<string, string> = {};
    if (!consent) found.consent = R.consentMissing;
    const draft = {
      id,
      service_id: entry?.service.id,
      structure_id: entry?.structureId,
      formulaire: form,
      reponses: answersOf(form, values),
      ...(message.trim() ? { message: message.trim() } : {}),
      consentement: {
        par,
        ...(par === 'representant' && representative.trim() ? { representant_nom: representative.trim() } : {}),
        recueilli_le: at,
        structure_id: entry?.structureId,
      },
    };
    // Every problem at once, the missing consent with the others: the summary lists them all.
    const checked = parse(referralDraftSchema, draft);
    const result = consent && checked.ok ? await model.write(draft) : checked;
    if (consent && result.ok && 'id' in result) {
      work.ended({ referral: true });
      location.route(`/orientations/${encodeURIComponent(result.id)}`);
      return;
    }
    for (const p of result.ok ? [] : result.problems) {
      const key = p.path.startsWith('reponses.')
        ? p.path.slice(9)
        : p.path === 'consentement.representant_nom'
          ? 'representant'
          : p.path.startsWith('consentement')
            ? 'consent'
            : 'form';
      found[key] ??= p.message;
    }
    setErrors(found);
    setFailures((n) => n + 1);
  }

  return (
    <section class="narrow referral-write" aria-labelledby="referral-write-title">
      <h1 id="referral-write-title">{R.writeTitle(partner)}</h1>
      {!reachable && (
        <ReachNotice
          partner={partner}
          telephone={entry.service.fiche_liaison.telephone ?? entry.service.telephone ?? entry.structure?.telephone}
        />
      )}
      <p class="no-print">{R.writeIntro}</p>
      <p class="no-print">{R.channels(entry.service.fiche_liaison.canaux.map((c) => CANAUX_LIAISON[c]).join(', '))}</p>
      {Object.keys(prefill).length > 0 && <p class="notice no-print">{R.prefilled}</p>}
      <form ref={formRef} class="no-print" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary errors={errors} idOf={idOfError} />
        <fieldset class="form-section">
          <legend>{R.formLegend}</legend>
          {form.map((field) => (
            <AnswerField
              key={field.id}
              field={field}
              value={values[field.id]}
              error={errors[field.id]}
              onChange={set}
            />
          ))}
        </fieldset>
        <fieldset class="form-section">
          <legend>{R.consentLegend}</legend>
          <div class="choices" role="radiogroup" aria-label={R.consentBy}>
            {(Object.keys(CONSENTEMENT_PAR) as Array<keyof typeof CONSENTEMENT_PAR>).map((who) => (
              <label class="check" key={who}>
                <input type="radio" name="consent-by" checked={par === who} onChange={() => setPar(who)} />
                {CONSENTEMENT_PAR[who]}
              </label>
            ))}
          </div>
          {par === 'representant' && (
            <div class="field">
              <label for="f-representant">{R.representativeName}</label>
              <input
                id="f-representant"
                autocomplete="off"
                value={representative}
                aria-invalid={errors.representant ? true : undefined}
                aria-describedby={errors.representant ? 'f-representant-error' : undefined}
                onInput={(e) => setRepresentative(e.currentTarget.value)}
              />
              {errors.representant && (
                <p id="f-representant-error" class="field-error">
                  {errors.representant}
                </p>
              )}
            </div>
          )}
          <label class="check">
            <input
              type="checkbox"
              id="f-consent"
              checked={consent}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'f-consent-error' : undefined}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
            {R.consentCheck(partner)}
          </label>
          {errors.consent && (
            <p id="f-consent-error" class="field-error">
              {errors.consent}
            </p>
          )}
        </fieldset>
        <div class="field">
          <label for="f-message">{R.message}</label>
          <textarea
            id="f-message"
            rows={4}
            maxLength={2000}
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </div>
        {!canSend && reachable && <p class="notice">{R.needsAccount}</p>}
        <div class="actions">
          {canSend && (
            <button type="submit" class="button primary" disabled={!model}>
              {R.send}
            </button>
          )}
          <button type="button" class="button" onClick={() => window.print()}>
            {R.print}
          </button>
        </div>
      </form>
      <ReferralSheet
        printOnly
        partner={partner}
        service={entry.service.nom}
        form={form}
        answers={answersOf(form, values)}
        message={message.trim() || undefined}
        consent={consentText}
        by={account?.nom ?? null}
      />
    </section>
  );
}

function AnswerField(props: {
  field: ChampLiaison;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (id: string, value: string | boolean) => void;
}) {
  const { field, value, error, onChange } = props;
  const id = `f-answer-${field.id}`;
  const label = `${field.libelle}${field.requis ? ` ${R.required}` : ''}`;
  const aria = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-err` : undefined,
  } as const;
  const text = typeof value === 'string' ? value : '';
  let input: preact.JSX.Element;
  if (field.type === 'oui-non') {
    input = (
      <div id={id} class="choices" role="radiogroup" aria-labelledby={`${id}-label`} {...aria}>
        {([true, false] as const).map((b) => (
          <label class="check" key={String(b)}>
            <input type="radio" name={id} checked={value === b} onChange={() => onChange(field.id, b)} />
            {b ? R.yes : R.no}
          </label>
        ))}
      </div>
    );
  } else if (field.type === 'choix') {
    input = (
      <select id={id} value={text} onChange={(e) => onChange(field.id, e.currentTarget.value)} {...aria}>
        <option value="">{R.choose}</option>
        {(field.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    const kind = keyboardOf(field);
    input = (
      <input
        id={id}
        type={kind.type}
        inputMode={kind.inputMode}
        autocomplete="off"
        required={field.requis}
        value={text}
        onInput={(e) => onChange(field.id, e.currentTarget.value)}
        {...aria}
      />
    );
  }
  return (
    <div class="field">
      <label id={`${id}-label`} for={field.type === 'oui-non' ? undefined : id}>
        {label}
      </label>
      {input}
      {error && (
        <p id={`${id}-err`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
