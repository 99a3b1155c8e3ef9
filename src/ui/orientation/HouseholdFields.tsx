import type { OrientationModel } from './orientation-model.ts';
import { householdComplete } from './profile-draft.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation.household;

/** A whole number typed in a field, within bounds; empty or not a number gives null. */
function whole(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const n = Number.parseInt(text, 10);
  return Number.isNaN(n) ? null : Math.min(max, Math.max(min, n));
}

/** Adults, children and each child's age: the household decides family services and baby food. */
export function HouseholdFields({ model }: { model: OrientationModel }) {
  const d = model.draft.value;
  const setChildren = (text: string) => {
    const n = whole(text, 0, 20) ?? 0;
    model.set(
      'ages',
      Array.from({ length: n }, (_, i) => d.ages[i] ?? null),
    );
  };
  const setAge = (i: number, text: string) => {
    const ages = [...d.ages];
    ages[i] = whole(text, 0, 25);
    model.set('ages', ages);
  };
  const started = d.adults !== null || d.ages.length > 0;
  return (
    <fieldset class="group" id="o-foyer">
      <legend>{T.legend}</legend>
      <div class="field-row">
        <div class="field">
          <label for="o-adults">{T.adults}</label>
          <input
            id="o-adults"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={d.adults ?? ''}
            onInput={(e) => model.set('adults', whole(e.currentTarget.value, 1, 20))}
          />
        </div>
        <div class="field">
          <label for="o-children">{T.children}</label>
          <input
            id="o-children"
            type="number"
            inputMode="numeric"
            min={0}
            max={20}
            value={d.ages.length > 0 ? d.ages.length : ''}
            onInput={(e) => setChildren(e.currentTarget.value)}
          />
        </div>
      </div>
      {d.ages.length > 0 && (
        <div class="field-row">
          {d.ages.map((age, i) => (
            <div class="field narrow-field" key={i}>
              <label for={`o-child-${i + 1}`}>{T.childAge(i + 1)}</label>
              <input
                id={`o-child-${i + 1}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={25}
                value={age ?? ''}
                onInput={(e) => setAge(i, e.currentTarget.value)}
              />
            </div>
          ))}
        </div>
      )}
      {started && !householdComplete(d) && <p class="hint">{T.adultsNeeded}</p>}
    </fieldset>
  );
}
