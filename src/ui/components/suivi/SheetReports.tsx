import { useEffect, useState } from 'preact/hooks';
import type { ListingActions } from '../../models/listing-actions.ts';
import type { ReportItem, SignalementModel } from '../../models/signalement-model.ts';
import { frSuivi } from '../../strings-suivi.ts';
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
  const [model, setModel] = useState<SignalementModel | null>(null);
  const [items, setItems] = useState<ReportItem[]>([]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void actions.reports().then((m) => {
      if (!live) return;
      setModel(m);
      stop = m.watch(setItems, structureId);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [structureId]);
  if (!model) return null;
  return (
    <section aria-labelledby="sheet-reports-title" class="sheet-reports">
      <h2 id="sheet-reports-title">{frSuivi.reports.onSheet}</h2>
      <ReportForm model={model} structureId={structureId} services={services} />
      {items.length > 0 && <ReportList items={items} model={model} showListing={false} />}
    </section>
  );
}
