import { useRef, useState } from 'preact/hooks';
import { Badge } from '../components/Badge.tsx';
import { TextField } from '../components/FormFields.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { numericDateOf } from '../text/fr-format.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import type { ReportItem, ReportModel } from './report-model.ts';

const R = frCampaignsReports.reports;

/**
 * Reports as their readers see them: what is wrong and where, who reported it and when, whether it is
 * open or closed (with the answer). The partner concerned and coordinators close an open one, offline too.
 */
export function ReportList({
  items,
  model,
  showListing,
}: {
  items: readonly ReportItem[];
  model: ReportModel;
  showListing: boolean;
}) {
  if (items.length === 0) return <p>{R.none}</p>;
  return (
    <ul class="plain" data-testid="reports">
      {items.map((item) => (
        <li key={item.report.id} class="card" data-testid="report">
          <Report item={item} model={model} showListing={showListing} />
        </li>
      ))}
    </ul>
  );
}

function Report({ item, model, showListing }: { item: ReportItem; model: ReportModel; showListing: boolean }) {
  const { report } = item;
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  const motif = frCampaignsReports.motifs[report.motif];
  const path = `reponse-${report.id}`;
  return (
    <>
      <h3>
        {motif}
        {item.serviceNom ? ` — ${item.serviceNom}` : ''}
      </h3>
      {showListing && (
        <p>
          <a href={`/partenaires/${encodeURIComponent(report.structure_id)}`}>{R.about(item.structureNom)}</a>
        </p>
      )}
      {report.commentaire && <p>{report.commentaire}</p>}
      <p class="hint">{R.by(report.auteur.nom, numericDateOf(Date.parse(report.signale_le)))}</p>
      <Badge as="p" tone={report.cloture ? 'neutral' : 'warning'} testId="report-state">
        {report.cloture ? R.closed(report.cloture.par, numericDateOf(Date.parse(report.cloture.le))) : R.open}
      </Badge>
      {report.cloture?.reponse && <p data-testid="report-answer">{report.cloture.reponse}</p>}
      {item.pending && (
        <Badge as="p" tone="waiting">
          {R.pending}
        </Badge>
      )}
      {report.etat === 'ouvert' && model.mayClose(item) && (
        <form
          ref={form}
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const done = await model.close(report.id, answer);
            setError(done.ok ? undefined : (done.problems[0]?.message ?? frCampaignsReports.report.failed));
            if (!done.ok) setFailures((n) => n + 1);
          }}
        >
          <TextField
            path={path}
            label={R.answer}
            hint={R.answerHint}
            value={answer}
            onInput={setAnswer}
            error={error}
            multiline
          />
          <button type="submit" class="button" aria-label={R.closeNamed(motif)}>
            {R.close}
          </button>
        </form>
      )}
    </>
  );
}
