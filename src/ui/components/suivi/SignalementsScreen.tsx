import { useState } from 'preact/hooks';
import type { AppContext } from '../../boot.ts';
import { frDirectory } from '../../strings-directory.ts';
import { frSuivi } from '../../strings-suivi.ts';
import { useLoadedModel } from '../use-loaded-model.ts';
import { ReportList } from './ReportList.tsx';

const R = frSuivi.reports;
export type SuiviContext = Pick<AppContext, 'session' | 'listings'>;

/**
 * « Signalements » (issue 7): coordinators see every report, a partner those about its structure (and its own), a
 * worker the reports it wrote and what became of them — what the feed brought this account, read offline.
 */
export function SignalementsScreen({ context }: { context: SuiviContext }) {
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
