import type { ReadonlySignal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import { QPV_LIST } from '../../domain/qpv.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { BESOINS, type NeedValue } from '../../domain/vocabulary.ts';
import { actorsByTerritory } from '../../matching/coverage/actors.ts';
import { computeCoverage } from '../../matching/coverage/coverage.ts';
import { DEFAULT_MAX_DISTANCE_KM, gapsOf } from '../../matching/coverage/gaps.ts';
import { MEASURES, type Measure } from '../../matching/coverage/measures.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { statsClient } from '../evaluation/stats-client.ts';
import { useHoursEngine } from '../hours/use-hours-engine.ts';
import { communeMap } from '../map/commune-map.ts';
import { fr } from '../strings.ts';
import { territoryName } from '../text/coverage-words.ts';
import { date } from '../text/fr-format.ts';
import { CommuneDetail } from './CommuneDetail.tsx';
import { CoverageMap } from './CoverageMap.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { actorsCsv, coverageCsv } from './coverage-csv.ts';
import { DemandSection, demandOf, latestMonth, useDemand } from './DemandSection.tsx';
import { downloadText } from './download.ts';
import { type QpvShape, qpvShapes } from './qpv-outlines.ts';
import { frCoverage } from './strings-coverage.ts';
import { TerritoryActors } from './TerritoryActors.tsx';

const C = frCoverage;
const NEEDS = Object.keys(BESOINS) as NeedValue[];
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
/** Drawn once per chunk load: the outlines never change while the app runs. */
let map: ReturnType<typeof communeMap> | null = null;
let qpvOutlines: QpvShape[] | null = null;

/**
 * Couverture et manques (coordination): for a need, each territory's coverage on a map and in a table, the gaps
 * highlighted, the actors of a territory, and CSV exports. Everything is computed on the device from the directory
 * the last sync brought (the catalog model), so the screen works offline; the hours figures appear once the hours
 * library (a lazy chunk) is loaded.
 */
export function CoverageScreen({
  catalog,
  online,
  getToken,
  fetchImpl,
  demandShown = true,
}: {
  catalog: ReadonlySignal<CatalogModel | null>;
  online: ReadonlySignal<boolean>;
  getToken: () => string | null;
  /** The server counts « demandes sans réponse » for coordinators only: others are neither asked nor shown them. */
  demandShown?: boolean;
  /** Tests answer the statistics request themselves. */
  fetchImpl?: typeof fetch;
}) {
  const [need, setNeed] = useState<NeedValue>('aide-alimentaire');
  const [measure, setMeasure] = useState<Measure>('services');
  const [distanceText, setDistanceText] = useState(String(DEFAULT_MAX_DISTANCE_KM));
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [territory, setTerritory] = useState('');
  const [needOnly, setNeedOnly] = useState(true);
  /** The commune touched on the map: its detail shows, and the actors' list follows it. */
  const [picked, setPicked] = useState<string | null>(null);
  const stats = useMemo(() => statsClient({ getToken, ...(fetchImpl ? { fetchImpl } : {}) }), [getToken, fetchImpl]);
  const demand = useDemand(stats, online, demandShown);
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const month = chosenMonth ?? latestMonth(demand);

  const model = catalog.value;
  const snapshot = model?.snapshot.value ?? null;
  const engine = useHoursEngine({ catalog: model }, snapshot?.hoursStrings ?? null);
  const today = parisDay(Date.now());
  const matrix = useMemo(
    () => (snapshot ? computeCoverage(snapshot, Date.now(), engine ? { hours: engine } : {}) : null),
    [snapshot, engine, today],
  );
  const actors = useMemo(
    () => (snapshot ? actorsByTerritory(snapshot, needOnly ? { need } : {}) : null),
    [snapshot, need, needOnly],
  );
  const parsed = Number(distanceText.replace(',', '.'));
  const rules = { maxDistanceKm: Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_MAX_DISTANCE_KM };
  map ??= communeMap();
  qpvOutlines ??= qpvShapes(map, QPV_LIST);

  const needLabel = BESOINS[need].label;
  const cells = matrix?.byNeed.get(need) ?? [];
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const sorted = [...cells].sort((a, b) => collator.compare(territoryName(a.code), territoryName(b.code)));
  const territories = (matrix?.territories ?? [])
    .slice()
    .sort((a, b) => collator.compare(territoryName(a.code_insee), territoryName(b.code_insee)));
  const withGaps = cells.filter((c) => gapsOf(c, rules).length > 0).length;
  // Until the coordinator picks one, the first territory (alphabetically) where someone works on the need.
  const firstWithActors =
    territories.find((t) => (actors?.get(t.code_insee)?.length ?? 0) > 0)?.code_insee ??
    territories[0]?.code_insee ??
    '';

  return (
    <section aria-labelledby="coverage-title" class="coverage">
      <h1 id="coverage-title">{C.title}</h1>
      <p>{C.intro}</p>
      <fieldset class="filters">
        <legend>{C.controlsLegend}</legend>
        <div class="field-row">
          <div class="field">
            <label for="coverage-need">{C.need}</label>
            <select id="coverage-need" value={need} onChange={(e) => setNeed(e.currentTarget.value as NeedValue)}>
              {NEEDS.map((n) => (
                <option key={n} value={n}>
                  {BESOINS[n].label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="coverage-measure">{C.measure}</label>
            <select
              id="coverage-measure"
              value={measure}
              onChange={(e) => setMeasure(e.currentTarget.value as Measure)}
            >
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {C.measures[m]}
                </option>
              ))}
            </select>
          </div>
          <div class="field narrow-field">
            <label for="coverage-distance">{C.distance}</label>
            <input
              id="coverage-distance"
              type="number"
              inputMode="decimal"
              min="0.5"
              max="50"
              step="0.5"
              value={distanceText}
              aria-describedby="coverage-distance-hint"
              onInput={(e) => setDistanceText(e.currentTarget.value)}
            />
          </div>
        </div>
        <p id="coverage-distance-hint" class="hint">
          {C.distanceHint}
        </p>
      </fieldset>

      {!model || !snapshot ? (
        <p aria-busy="true">{C.loading}</p>
      ) : snapshot.entries.length === 0 ? (
        <p class="empty">{C.noDirectory}</p>
      ) : (
        matrix && (
          <>
            <p aria-live="polite" class="result-count" data-testid="coverage-summary">
              {C.summary(withGaps, cells.length, needLabel)}
            </p>
            <p class="hint">
              {matrix.hours === 'computed' ? C.horizon(date(matrix.from, Date.now())) : C.hoursLoading}
            </p>
            <h2>{C.mapTitle}</h2>
            <CoverageMap
              map={map}
              cells={byCode}
              measure={measure}
              needLabel={needLabel}
              rules={rules}
              picked={picked}
              qpv={qpvOutlines}
              onPick={(code) => {
                setPicked(code);
                setTerritory(code);
              }}
              detail={
                <CommuneDetail
                  cell={(picked && byCode.get(picked)) || null}
                  demand={picked ? demandOf(demand, picked, need, month) : undefined}
                  measure={measure}
                  rules={rules}
                  onActors={(code) => {
                    setTerritory(code);
                    const list = document.getElementById('coverage-territory');
                    list?.focus();
                    list?.scrollIntoView?.({ block: 'center' });
                  }}
                />
              }
            />
            <h2 id="coverage-table-title">{C.tableTitle}</h2>
            <label class="check">
              <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.currentTarget.checked)} />{' '}
              {C.onlyGaps}
            </label>
            <CoverageTable cells={sorted} needLabel={needLabel} rules={rules} onlyGaps={onlyGaps} />
            <p class="hint">{C.qpvNote}</p>
            {demandShown && <DemandSection state={demand} need={need} month={month} onMonth={setMonth} today={today} />}
            {actors && (
              <TerritoryActors
                territories={territories}
                territory={territory || firstWithActors}
                onTerritory={setTerritory}
                actors={actors}
                needLabel={needLabel}
                needOnly={needOnly}
                onNeedOnly={setNeedOnly}
              />
            )}
            <section aria-labelledby="coverage-exports-title">
              <h2 id="coverage-exports-title">{C.exportsTitle}</h2>
              <p class="hint">{C.exportsHint}</p>
              <div class="actions">
                <button
                  type="button"
                  class="button"
                  onClick={() => downloadText(C.csv.matrixFile(today), coverageCsv(matrix, rules))}
                >
                  {C.exportMatrix}
                </button>
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    downloadText(
                      C.csv.actorsFile(today),
                      actorsCsv(
                        actorsByTerritory(snapshot),
                        territories.map((t) => t.code_insee),
                      ),
                    )
                  }
                >
                  {C.exportActors}
                </button>
              </div>
              {/* The directory itself as data·inclusion files (and imports): a screen of its own, online. */}
              <p>
                <a href="/donnees">{fr.home.data}</a>
              </p>
            </section>
          </>
        )
      )}
    </section>
  );
}
