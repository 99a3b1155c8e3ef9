import { useLoadedModel } from '../components/use-loaded-model.ts';
import type { ListingActions } from '../partner-sheet/listing-actions.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReportList } from './ReportList.tsx';

/**
 * The partner sheet's part of « Signaler une erreur »: the form for anyone signed in, and the reports
 * about this partner that this account may read (the partner itself and coordinators see them all; an author its
 * own), each closable by the partner or a coordinator.
 */
export function SheetReports({
  actions,
  structureId,
  services,
}: {
  actions: ListingActions;
  structureId: string;
  services: ReadonlyArray<{ id: string; nom: string }>;
}) {
  const model = useLoadedModel(actions.reports, (m) => m.reportsOf(structureId).follow(), [structureId]);
  if (!model) return null;
  const items = model.reportsOf(structureId).value ?? [];
  return (
    <section aria-labelledby="sheet-reports-title" class="sheet-reports">
      <h2 id="sheet-reports-title">{frCampaignsReports.reports.onSheet}</h2>
      <ReportForm model={model} structureId={structureId} services={services} />
      {items.length > 0 && <ReportList items={items} model={model} showListing={false} />}
    </section>
  );
}
