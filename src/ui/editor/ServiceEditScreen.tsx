import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { FREQUENCES_MAJ_MOIS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import { temporaryPeriods } from '../../matching/hours/temporary.ts';
import type { AppContext } from '../boot.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/FormFields.tsx';
import { MissingRecord } from '../components/MissingRecord.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { hoursStringsOf } from '../hours/use-hours-engine.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { frListings } from '../text/strings-listings.ts';
import { FoodOfferFields } from './FoodOfferFields.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { ServiceTermsFields } from './ServiceTermsFields.tsx';
import { StopsFields } from './StopsFields.tsx';
import type { ServiceEditor } from './service-editor-model.ts';
import { PATHS } from './service-form.ts';
import { frServiceEditor } from './strings-service-editor.ts';
import { TemporaryInfoFields } from './TemporaryInfoFields.tsx';
import { useUnsavedWork } from './unsaved-work.ts';
import { useHoursLibrary } from './use-hours-library.ts';

export type ServiceEditContext = Pick<AppContext, 'serviceEditor' | 'catalog' | 'hoursEngine' | 'refresh'> & {
  session: Pick<AppContext['session'], 'account'>;
};

const E = frServiceEditor;

/**
 * "Modifier" a service: hours, temporary information, places, price, access and referral — what a partner keeps
 * true in two minutes. Saved on the device at once and queued for the server.
 */
export function ServiceEditScreen({
  context,
  id,
  serviceId,
}: {
  context: ServiceEditContext;
  id: string;
  serviceId: string;
}) {
  const [editor, setEditor] = useState<ServiceEditor | null>(null);
  useEffect(() => {
    let live = true;
    void context.serviceEditor(serviceId).then(async (model) => {
      await model.load();
      if (live) setEditor(model);
    });
    return () => {
      live = false;
    };
  }, [serviceId]);
  const original = editor?.original.value;
  const strings = useMemo(() => (original ? hoursStringsOf(original) : null), [original]);
  const hoursLibrary = useHoursLibrary(context, strings);
  if (!editor || !hoursLibrary.settled) return <p aria-busy="true">{frDirectory.loading}</p>;
  return (
    <ServiceForm
      context={context}
      editor={editor}
      structureId={id}
      serviceId={serviceId}
      engine={hoursLibrary.engine}
    />
  );
}

function ServiceForm({
  context,
  editor,
  structureId,
  serviceId,
  engine,
}: {
  context: ServiceEditContext;
  editor: ServiceEditor;
  structureId: string;
  serviceId: string;
  engine: HoursEngine | null;
}) {
  const location = useLocation();
  const form = useRef<HTMLFormElement>(null);
  useUnsavedWork(`service:${serviceId}`, editor.dirty.value);
  useFocusFirstError(form, editor.failures.value);
  const original = editor.original.value;
  const values = editor.values.value;
  const status = editor.status.value;
  if (status === 'missing' || !original || !values || original.structure_id !== structureId) {
    return <MissingRecord message={E.missing} />;
  }
  const errors = editor.errors.value;
  const coordinator = context.session.account.value?.role === 'coordinateur';
  const sheet = `/partenaires/${encodeURIComponent(structureId)}`;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section aria-labelledby="service-editor-title" class="narrow">
      <h1 id="service-editor-title">{E.title(original.nom)}</h1>
      <p>{E.intro}</p>
      <form
        ref={form}
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (await editor.save()) {
            void context.refresh();
            location.route(`${sheet}#service-${encodeURIComponent(serviceId)}`);
          }
        }}
      >
        {hasErrors && status === 'editing' && <ErrorSummary errors={errors} />}
        {status === 'saved' && <p role="status">{E.saved}</p>}

        <fieldset class="form-section">
          <legend>{E.hoursLegend}</legend>
          <div class="choices" role="radiogroup" aria-label={E.hoursLegend}>
            {([false, true] as const).map((own) => (
              <label class="check" key={String(own)}>
                <input
                  type="radio"
                  name="own-hours"
                  checked={values.ownHours === own}
                  onChange={() => editor.set('ownHours', own, PATHS.ownHours)}
                />
                {own ? E.ownHours : E.sameAsStructure}
              </label>
            ))}
          </div>
          {values.ownHours && (
            <HoursEditor
              value={editor.initialHours.value}
              onChange={editor.setHours}
              engine={engine}
              idPrefix="service-hours"
              temporary={temporaryPeriods(original.infos_temporaires)}
              error={errors[PATHS.ownHours]}
              osm={coordinator}
            />
          )}
          <TextField
            path={PATHS.horaires_note}
            label={E.hoursNote}
            multiline
            value={values.horaires_note}
            error={errors[PATHS.horaires_note]}
            onInput={(v) => editor.set('horaires_note', v)}
          />
        </fieldset>

        <StopsFields editor={editor} engine={engine} osm={coordinator} />
        <TemporaryInfoFields editor={editor} engine={engine} osm={coordinator} />
        <FoodOfferFields editor={editor} />
        <ServiceTermsFields editor={editor} />
        <SelectField
          path={PATHS.frequence_maj_mois}
          label={frListings.frequency}
          value={values.frequence_maj_mois}
          options={FREQUENCES_MAJ_MOIS.map((n) => [String(n), frListings.frequencyOption(n)] as const)}
          error={errors[PATHS.frequence_maj_mois]}
          onChange={(v) => editor.set('frequence_maj_mois', v)}
        />

        <div class="actions">
          <button type="submit" class="button primary" disabled={status === 'saving'}>
            {status === 'saving' ? E.saving : E.save}
          </button>
          <a class="button" href={sheet}>
            {E.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
