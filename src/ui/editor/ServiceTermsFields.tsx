import { CANAUX_LIAISON, JUSTIFICATIFS, SATURATION } from '../../domain/vocabulary.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../components/FormFields.tsx';
import { frProfile } from '../text/strings-profile.ts';
import { PriceFields } from './PriceFields.tsx';
import { ReferralFormFields } from './ReferralFormFields.tsx';
import type { ServiceEditor } from './service-editor-model.ts';
import { PATHS, type ServiceForm } from './service-form.ts';
import { frServiceEditor } from './strings-service-editor.ts';

const E = frServiceEditor;
const P = frProfile.editor;
const entries = <T extends string>(table: Readonly<Record<T, string>>) => Object.entries(table) as Array<[T, string]>;

/** Places, price, access conditions and the fiche de liaison of a service. */
export function ServiceTermsFields({ editor }: { editor: ServiceEditor }) {
  const v = editor.values.value as ServiceForm;
  const errors = editor.errors.value;
  const err = (key: keyof typeof PATHS) => errors[PATHS[key]];
  const text = (key: keyof typeof PATHS & keyof ServiceForm) => ({
    path: PATHS[key],
    value: v[key] as string,
    error: err(key),
    onInput: (value: string) => editor.set(key, value as never, PATHS[key]),
  });
  const check = (key: keyof typeof PATHS & keyof ServiceForm, label: string) => (
    <CheckboxField
      path={PATHS[key]}
      label={label}
      checked={v[key] as boolean}
      onChange={(c) => editor.set(key, c as never, PATHS[key])}
    />
  );
  return (
    <>
      <fieldset class="form-section">
        <legend>{E.capacityLegend}</legend>
        <SelectField
          path={PATHS.capacite_etat}
          label={E.capacity}
          value={v.capacite_etat}
          options={[['', E.capacityUnknown], ...entries(SATURATION)]}
          onChange={(value) => editor.set('capacite_etat', value as ServiceForm['capacite_etat'], PATHS.capacite_etat)}
          error={err('capacite_etat')}
        />
        {v.capacite_etat && <TextField label={E.capacityNote} {...text('capacite_note')} />}
      </fieldset>

      <PriceFields editor={editor} />

      <fieldset class="form-section">
        <legend>{E.accessLegend}</legend>
        {check('sur_orientation', E.onReferral)}
        {check('sur_rendez_vous', E.onAppointment)}
        {check('sur_inscription', E.onRegistration)}
        <CheckboxGroup
          path={PATHS.justificatifs}
          legend={E.documents}
          options={entries(JUSTIFICATIFS)}
          selected={v.justificatifs}
          onChange={(next) => editor.set('justificatifs', next, PATHS.justificatifs)}
          error={err('justificatifs')}
        />
        <TextField label={E.accessPrecisions} multiline {...text('eligibilite_precisions')} />
      </fieldset>

      <fieldset class="form-section">
        <legend>{P.legend}</legend>
        <p class="hint">{P.intro}</p>
        <div class="field-row">
          <TextField label={P.ravMax} inputMode="decimal" {...text('reste_a_vivre_max')} />
          <TextField label={P.qfMax} inputMode="decimal" {...text('quotient_familial_max')} />
        </div>
      </fieldset>

      <fieldset class="form-section">
        <legend>{E.referralLegend}</legend>
        {check('fiche_requise', E.ficheRequired)}
        <CheckboxGroup
          path={PATHS.fiche_canaux}
          legend={E.channels}
          options={entries(CANAUX_LIAISON)}
          selected={v.fiche_canaux}
          onChange={(next) => editor.set('fiche_canaux', next, PATHS.fiche_canaux)}
          error={err('fiche_canaux')}
        />
        <TextField label={E.referralContact} {...text('fiche_contact_nom')} />
        <TextField label={E.referralEmail} type="email" {...text('fiche_courriel')} />
        <TextField label={E.referralPhone} type="tel" {...text('fiche_telephone')} />
        <TextField label={E.referralForm} type="url" {...text('fiche_modele_url')} />
      </fieldset>
      <ReferralFormFields editor={editor} />
    </>
  );
}
