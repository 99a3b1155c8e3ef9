import { useRef, useState } from 'preact/hooks';
import type { ReportReason } from '../../domain/report.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/FormFields.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import type { ReportModel } from './report-model.ts';

const R = frCampaignsReports.report;

/**
 * « Signaler une erreur » on a partner sheet: what is wrong (hours, closed, moved, phone, other), which
 * service if it is about one, and a comment (required for « Autre »). Saved on the device and queued: works offline.
 */
export function ReportForm({
  model,
  structureId,
  services,
}: {
  model: ReportModel;
  structureId: string;
  services: ReadonlyArray<{ id: string; nom: string }>;
}) {
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState<ReportReason>('horaires');
  const [serviceId, setServiceId] = useState('');
  const [commentaire, setCommentaire] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);

  if (!open) {
    return (
      <div class="report-error">
        <button type="button" class="button" onClick={() => setOpen(true)} data-testid="report-open">
          {R.open}
        </button>
        <p role="status" data-testid="report-status">
          {status}
        </p>
      </div>
    );
  }
  return (
    <form
      ref={form}
      class="card report-form"
      aria-labelledby="report-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (motif === 'autre' && !commentaire.trim()) {
          setErrors({ commentaire: R.commentMissing });
          setFailures((n) => n + 1);
          return;
        }
        const saved = await model.report({
          structureId,
          motif,
          commentaire,
          ...(serviceId ? { serviceId } : {}),
        });
        if (!saved.ok) {
          setErrors(Object.fromEntries(saved.problems.map((p) => [p.path || 'motif', p.message])));
          setFailures((n) => n + 1);
          return;
        }
        setErrors({});
        setCommentaire('');
        setOpen(false);
        setStatus(R.sent);
      }}
    >
      <h2 id="report-title">{R.title}</h2>
      <p class="hint">{R.hint}</p>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>{R.motif}</legend>
        {Object.entries(frCampaignsReports.motifs).map(([value, label]) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="motif"
              value={value}
              checked={motif === value}
              onChange={() => setMotif(value as ReportReason)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {services.length > 0 && (
        <SelectField
          path="report-service"
          label={R.service}
          value={serviceId}
          options={[['', R.wholeListing], ...services.map((s) => [s.id, s.nom] as const)]}
          onChange={setServiceId}
        />
      )}
      <TextField
        path="commentaire"
        label={R.comment}
        value={commentaire}
        onInput={setCommentaire}
        hint={R.commentHint}
        error={errors.commentaire}
        multiline
      />
      <div class="form-actions">
        <button type="submit" class="button primary">
          {R.send}
        </button>
        <button type="button" class="button" onClick={() => setOpen(false)}>
          {R.cancel}
        </button>
      </div>
    </form>
  );
}
