import { TYPES_CHAMP } from '../../domain/vocabulary.ts';
import { CheckboxField, SelectField, TextField } from '../components/FormFields.tsx';
import type { ChampDraft, ServiceEditor } from './service-editor-model.ts';
import { frReferralFormFields } from './strings-referral-form-fields.ts';

const L = frReferralFormFields;
const TYPES = Object.entries(TYPES_CHAMP) as Array<[ChampDraft['type'], string]>;

/** The fields the partner asks for with each referral (its fiche de liaison): label, type, required, choices. */
export function ReferralFormFields({ editor }: { editor: ServiceEditor }) {
  const champs = editor.values.value?.fiche_champs ?? [];
  const errors = editor.errors.value;
  const update = (i: number, patch: Partial<ChampDraft>) =>
    editor.setChamps(champs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, delta: number) => {
    const next = [...champs];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(i + delta, 0, moved);
    editor.setChamps(next);
  };
  const at = (i: number) => `fiche_liaison.champs[${i}]`;
  return (
    <fieldset class="form-section">
      <legend>{L.legend}</legend>
      <p class="hint">{L.intro}</p>
      {errors['fiche_liaison.champs'] && <p class="field-error">{errors['fiche_liaison.champs']}</p>}
      <ol class="plain stack">
        {champs.map((c, i) => (
          <li key={`${i}-${c.id}`} class="card">
            <fieldset>
              <legend>{L.field(i + 1)}</legend>
              <TextField
                path={`${at(i)}.libelle`}
                label={L.label}
                value={c.libelle}
                error={errors[`${at(i)}.libelle`]}
                onInput={(libelle) => update(i, { libelle })}
              />
              <SelectField
                path={`${at(i)}.type`}
                label={L.type}
                value={c.type}
                options={TYPES}
                onChange={(type) => update(i, { type: type as ChampDraft['type'] })}
              />
              {c.type === 'choix' && (
                <TextField
                  path={`${at(i)}.options`}
                  label={L.options}
                  multiline
                  value={c.options}
                  error={errors[`${at(i)}.options`]}
                  onInput={(options) => update(i, { options })}
                />
              )}
              <CheckboxField
                path={`${at(i)}.requis`}
                label={L.required}
                checked={c.requis}
                onChange={(requis) => update(i, { requis })}
              />
              <div class="actions">
                {i > 0 && (
                  <button type="button" class="button" aria-label={L.up(c.libelle)} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                )}
                {i < champs.length - 1 && (
                  <button type="button" class="button" aria-label={L.down(c.libelle)} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                )}
                <button type="button" class="button" onClick={() => editor.setChamps(champs.filter((_, j) => j !== i))}>
                  {L.remove(c.libelle)}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button"
        onClick={() =>
          editor.setChamps([...champs, { id: '', libelle: '', type: 'texte', requis: false, options: '' }])
        }
      >
        {L.add}
      </button>
    </fieldset>
  );
}
