import { BESOINS } from '../../domain/vocabulary.ts';
import type { OrientationModel } from './orientation-model.ts';
import type { ResultFilters } from './result-filters.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation.filters;

function Chip(props: { pressed: boolean; disabled?: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" class="chip" aria-pressed={props.pressed} disabled={props.disabled} onClick={props.onClick}>
      {props.label}
    </button>
  );
}

/**
 * Filters over the results: toggle buttons (Tab, then Space or Enter), so refining never sends the worker back to
 * the profile. Opening filters wait for the hours library.
 */
export function ResultFiltersBar({ model, hoursReady }: { model: OrientationModel; hoursReady: boolean }) {
  const f = model.filters.value;
  const needs = model.draft.value.besoins;
  const set = <K extends keyof ResultFilters>(key: K, value: ResultFilters[K]) => model.setFilter(key, value);
  return (
    <fieldset class="filters">
      <legend>{T.legend}</legend>
      <div class="chips">
        <Chip
          label={T.openNow}
          pressed={f.ouvert === 'maintenant'}
          disabled={!hoursReady}
          onClick={() => set('ouvert', f.ouvert === 'maintenant' ? null : 'maintenant')}
        />
        <Chip
          label={T.openWeek}
          pressed={f.ouvert === 'semaine'}
          disabled={!hoursReady}
          onClick={() => set('ouvert', f.ouvert === 'semaine' ? null : 'semaine')}
        />
        <Chip
          label={T.free}
          pressed={f.prix === 'gratuit'}
          onClick={() => set('prix', f.prix === 'gratuit' ? null : 'gratuit')}
        />
        <Chip
          label={T.affordable}
          pressed={f.prix === 'solidaire'}
          onClick={() => set('prix', f.prix === 'solidaire' ? null : 'solidaire')}
        />
        <Chip
          label={T.noReferral}
          pressed={f.sansOrientation}
          onClick={() => set('sansOrientation', !f.sansOrientation)}
        />
        {needs.length > 1 &&
          needs.map((n) => (
            <Chip
              key={n}
              label={BESOINS[n].label}
              pressed={f.besoin === n}
              onClick={() => set('besoin', f.besoin === n ? null : n)}
            />
          ))}
      </div>
      {!hoursReady && <p class="hint">{T.hoursNeeded}</p>}
      <div class="field">
        <label for="o-filter-km">{T.maxKm}</label>
        <input
          id="o-filter-km"
          type="number"
          inputMode="decimal"
          min={1}
          max={100}
          value={f.maxKm ?? ''}
          onInput={(e) => {
            const n = Number.parseFloat(e.currentTarget.value.replace(',', '.'));
            set('maxKm', Number.isFinite(n) && n > 0 ? n : null);
          }}
        />
      </div>
    </fieldset>
  );
}
