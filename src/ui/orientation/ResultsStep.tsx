import { useState } from 'preact/hooks';
import type { ServiceResult } from '../../matching/orient/types.ts';
import type { AgendaModel } from '../agenda/agenda-model.ts';
import { useActionHints } from '../agenda/use-action-hints.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { ListMapToggle, OrientationMapLazy } from '../map/ListMapToggle.tsx';
import { MissingInfoList } from './MissingInfoList.tsx';
import type { OrientationModel, ResultList } from './orientation-model.ts';
import { ResultCard } from './ResultCard.tsx';
import { ResultFiltersBar } from './ResultFiltersBar.tsx';
import type { RecapModel } from './recap-model.ts';
import { frOrientation } from './strings-orientation.ts';
import { useStepFocus } from './use-step-focus.ts';

const T = frOrientation;

interface Props {
  model: OrientationModel;
  catalog: CatalogModel | null;
  recap: RecapModel;
  programme?: () => Promise<AgendaModel>;
}

/** Step 3: eligible partners first, then those to check, then (on demand) the excluded ones and why. */
export function ResultsStep({ model, catalog, recap, programme }: Props) {
  const heading = useStepFocus(model);
  const [excludedOpen, setExcludedOpen] = useState(false);
  const [asMap, setAsMap] = useState(false);
  const view = model.view.value;
  const hoursReady = catalog?.hours.value != null;
  const limits = model.limits.value;
  const now = model.now.value;
  const hints = useActionHints(programme, model.profile.value, catalog, now);
  const mobility = view?.orientation.travel.mode ?? null;

  const list = (results: readonly ServiceResult[], which: ResultList, label: string) => {
    const shown = results.slice(0, limits[which]);
    return (
      <>
        <ul class="results" aria-label={label}>
          {shown.map((r) => {
            const entry = catalog?.entry(r.service_id);
            const hint = hints.get(entry?.structureId ?? '');
            return entry ? (
              <ResultCard
                key={r.service_id}
                result={r}
                entry={entry}
                recap={recap}
                now={now}
                mobility={mobility}
                {...(hint ? { hint } : {})}
              />
            ) : null;
          })}
        </ul>
        {results.length > shown.length && (
          <button type="button" class="button wide" onClick={() => model.showMore(which)}>
            {T.showMore(results.length - shown.length)}
          </button>
        )}
      </>
    );
  };

  return (
    <section class="step" aria-labelledby="o-step-title">
      <h2 id="o-step-title" tabIndex={-1} ref={heading}>
        {T.stepTitle.resultats}
      </h2>
      {!hoursReady && (
        <p class="notice" aria-live="polite">
          {T.hoursLoading}
        </p>
      )}
      <p aria-live="polite" class="result-count" data-testid="orientation-count">
        {view ? T.count(view.eligible.length, view.toCheck.length) : T.loading}
        {view && view.hidden > 0 ? ` — ${T.filteredOut(view.hidden)}` : ''}
      </p>
      {view && (
        <>
          <MissingInfoList model={model} missing={view.orientation.missing_info} />
          <ResultFiltersBar model={model} hoursReady={hoursReady} />
          {view.eligible.length + view.toCheck.length === 0 && <p class="empty">{T.none}</p>}
          <ListMapToggle asMap={asMap} onChange={setAsMap} />
          {asMap && catalog && <OrientationMapLazy model={model} catalog={catalog} />}
          {!asMap && view.eligible.length > 0 && (
            <section aria-labelledby="o-eligible-title">
              <h3 id="o-eligible-title">{T.eligibleTitle}</h3>
              {list(view.eligible, 'eligible', T.eligibleTitle)}
            </section>
          )}
          {!asMap && view.toCheck.length > 0 && (
            <section aria-labelledby="o-tocheck-title">
              <h3 id="o-tocheck-title">{T.toCheckTitle}</h3>
              <p class="hint">{T.toCheckIntro}</p>
              {list(view.toCheck, 'toCheck', T.toCheckTitle)}
            </section>
          )}
          {view.orientation.excluded.length > 0 && (
            <details class="excluded" onToggle={(e) => setExcludedOpen(e.currentTarget.open)}>
              <summary>{T.excludedSummary(view.orientation.excluded.length)}</summary>
              {excludedOpen &&
                list(view.orientation.excluded, 'excluded', T.excludedSummary(view.orientation.excluded.length))}
            </details>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="button" onClick={() => model.go('besoins')}>
          {T.back}
        </button>
      </div>
    </section>
  );
}
