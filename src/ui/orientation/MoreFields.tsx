import { QPV_LIST, qpvByCode, qpvOfCommune } from '../../domain/qpv.ts';
import {
  CRENEAUX,
  GENRES,
  JOURS,
  LANGUES,
  MOBILITES,
  RECONNAISSANCES_HANDICAP,
  REGIMES,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_EMPLOI,
  SITUATIONS_FAMILIALES,
} from '../../domain/vocabulary.ts';
import { frProfile } from '../text/strings-profile.ts';
import { CheckGroup } from './CheckGroup.tsx';
import { ChoiceGroup, YesNoGroup } from './ChoiceGroup.tsx';
import type { OrientationModel } from './orientation-model.ts';
import { communeName } from './profile-draft.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation;

function number(text: string, max: number): number | null {
  const n = Number.parseFloat(text.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? Math.min(max, n) : null;
}

/** The criteria asked only when the situation calls for them, behind "Autres critères". */
export function MoreFields({ model }: { model: OrientationModel }) {
  const d = model.draft.value;
  return (
    <div class="more-fields">
      <fieldset class="group">
        <legend>{T.person.legend}</legend>
        <div class="field">
          <label for="o-age">{T.person.age}</label>
          <input
            id="o-age"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            value={d.age ?? ''}
            onInput={(e) => {
              const n = number(e.currentTarget.value, 120);
              model.set('age', n === null ? null : Math.round(n));
            }}
          />
        </div>
        <ChoiceGroup
          id="o-genre"
          legend={T.person.genre}
          options={GENRES}
          value={d.genre}
          onChange={(v) => model.set('genre', v)}
        />
      </fieldset>
      <fieldset class="group">
        <legend>{T.situation.legend}</legend>
        <ChoiceGroup
          id="o-situation-familiale"
          legend={T.situation.familiale}
          options={SITUATIONS_FAMILIALES}
          value={d.situation_familiale}
          onChange={(v) => model.set('situation_familiale', v)}
        />
        <ChoiceGroup
          id="o-situation-administrative"
          legend={T.situation.administrative}
          options={SITUATIONS_ADMINISTRATIVES}
          value={d.situation_administrative}
          onChange={(v) => model.set('situation_administrative', v)}
        />
        <ChoiceGroup
          id="o-emploi"
          legend={frProfile.situation.emploi}
          options={SITUATIONS_EMPLOI}
          value={d.emploi}
          onChange={(v) => model.set('emploi', v)}
        />
        <YesNoGroup
          id="o-handicap"
          legend={frProfile.situation.handicap}
          value={d.handicap}
          // Saying « non » takes back the recognitions ticked before.
          onChange={(v) => model.patch(v === false ? { handicap: v, reconnaissances: [] } : { handicap: v })}
        />
        {d.handicap === true && (
          <CheckGroup
            id="o-reconnaissances"
            legend={frProfile.situation.reconnaissances}
            options={RECONNAISSANCES_HANDICAP}
            values={d.reconnaissances}
            onChange={(v) => model.set('reconnaissances', v)}
          />
        )}
        <YesNoGroup
          id="o-sdf"
          legend={T.situation.sansDomicile}
          value={d.sans_domicile_fixe}
          onChange={(v) => model.set('sans_domicile_fixe', v)}
        />
        <QpvField commune={d.commune} value={d.qpv} onChange={(code) => model.set('qpv', code)} />
      </fieldset>
      <fieldset class="group">
        <legend>{T.mobility.legend}</legend>
        <ChoiceGroup
          id="o-mobilite"
          legend={T.mobility.mode}
          options={MOBILITES}
          value={d.mobilite}
          onChange={(v) => model.set('mobilite', v)}
        />
        {d.mobilite !== null && (
          <div class="field">
            <label for="o-distance-max">{T.mobility.maxKm}</label>
            <input
              id="o-distance-max"
              type="number"
              inputMode="decimal"
              min={1}
              max={100}
              value={d.distanceMaxKm ?? ''}
              onInput={(e) => model.set('distanceMaxKm', number(e.currentTarget.value, 100))}
            />
          </div>
        )}
      </fieldset>
      <CheckGroup
        id="o-langues"
        legend={T.languages}
        options={LANGUES}
        values={d.langues}
        onChange={(v) => model.set('langues', v)}
        layout="columns"
      />
      <fieldset class="group">
        <legend>{T.food.legend}</legend>
        <CheckGroup
          id="o-regimes"
          legend={T.food.regimes}
          options={REGIMES}
          values={d.regimes}
          onChange={(v) => model.set('regimes', v)}
          layout="columns"
        />
        <YesNoGroup
          id="o-peut-cuisiner"
          legend={T.food.canCook}
          value={d.peut_cuisiner}
          onChange={(v) => model.set('peut_cuisiner', v)}
        />
      </fieldset>
      <fieldset class="group">
        <legend>{T.availability.legend}</legend>
        <CheckGroup
          id="o-jours"
          legend={T.availability.days}
          options={JOURS}
          values={d.jours}
          onChange={(v) => model.set('jours', v)}
          layout="columns"
        />
        <CheckGroup
          id="o-creneaux"
          legend={T.availability.slots}
          options={CRENEAUX}
          values={d.creneaux}
          onChange={(v) => model.set('creneaux', v)}
        />
      </fieldset>
    </div>
  );
}

/**
 * The QPV picked by name from the reference list (src/domain/qpv.ts): those of the commune given, else all of the
 * Métropole grouped by commune. The profile keeps the code; a code no longer in the list stays, shown as is.
 */
function QpvField(props: { commune: string | null; value: string; onChange: (code: string) => void }) {
  const local = props.commune ? qpvOfCommune(props.commune) : [];
  const groups = local.length > 0 ? [{ commune: props.commune, list: local }] : byCommune();
  const known = props.value === '' || qpvByCode(props.value) !== undefined;
  return (
    <div class="field">
      <label for="o-qpv">{T.place.qpv}</label>
      <select
        id="o-qpv"
        value={props.value}
        aria-describedby="o-qpv-hint"
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{T.place.qpvNone}</option>
        {!known && <option value={props.value}>{props.value}</option>}
        {groups.map((g) => (
          <optgroup key={g.commune ?? ''} label={(g.commune && communeName(g.commune)) || ''}>
            {g.list.map((q) => (
              <option key={q.code} value={q.code}>
                {q.nom}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id="o-qpv-hint" class="hint">
        {T.place.qpvHint}
      </p>
    </div>
  );
}

function byCommune() {
  const groups = new Map<string, (typeof QPV_LIST)[number][]>();
  for (const q of QPV_LIST) {
    const main = q.communes[0] ?? '';
    groups.set(main, [...(groups.get(main) ?? []), q]);
  }
  return [...groups]
    .map(([commune, list]) => ({ commune, list: [...list].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')) }))
    .sort((a, b) => (communeName(a.commune) ?? '').localeCompare(communeName(b.commune) ?? '', 'fr'));
}
