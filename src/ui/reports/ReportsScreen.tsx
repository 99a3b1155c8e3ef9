import { useState } from 'preact/hooks';
import type { AppContext } from '../boot.ts';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { ReportList } from './ReportList.tsx';

const R = frCampaignsReports.reports;
export type CampaignsReportsContext = Pick<AppContext, 'session' | 'listings'>;

/**
 * « Signalements »: coordinators see every report, a partner those about its structure (and its own), a
 * worker the reports it wrote and what became of them — what the feed brought this account, read offline.
 */
export function ReportsScreen({ context }: { context: CampaignsReportsContext }) {
  const model = useLoadedModel(
    () => context.listings().then((a) => a.reports()),
    (m) => m.reportsOf().follow(),
    [],
  );
  const items = model?.reportsOf().value ?? null;
  const [showClosed, setShowClosed] = useState(false);
  const role = context.session.account.value?.role;
  const shown = items?.filter((i) => showClosed || i.report.etat === 'ouvert') ?? null;
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{R.title}</h1>
      <p>{role === 'travailleur' ? R.introWorker : R.intro}</p>
      <p>
        <label class="choice">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />{' '}
          {R.showClosed}
        </label>
      </p>
      {shown === null || model === null ? (
        <p aria-busy="true">{frDirectory.loading}</p>
      ) : (
        <>
          <p role="status">{R.count(items?.filter((i) => i.report.etat === 'ouvert').length ?? 0)}</p>
          <ReportList items={shown} model={model} showListing />
        </>
      )}
    </section>
  );
}
