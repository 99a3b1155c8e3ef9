import { ADDRESSABLE_COMMUNES } from '../../domain/communes.ts';
import { FREQUENCES_ACTION, MODES_INSCRIPTION, TARIFS, TYPES_ACTION, VISIBILITES } from '../../domain/vocabulary.ts';
import { PUBLICS } from '../../domain/vocabulary-data-inclusion.ts';
import { CheckboxField, CheckboxGroup, Section, SelectField, TextField } from '../components/FormFields.tsx';
import type { ActionFormState, FieldErrors } from './action-form.ts';
import { frAgenda } from './strings-agenda.ts';

const F = frAgenda.actionForm;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const COMMUNES = [...ADDRESSABLE_COMMUNES]
  .sort((a, b) => collator.compare(a.nom, b.nom))
  .map((c) => [c.code_insee, c.nom] as const);
const entries = <T extends string>(table: Readonly<Record<T, string>>) => Object.entries(table) as Array<[T, string]>;

interface Props {
  form: ActionFormState;
  errors: FieldErrors;
  set: (patch: Partial<ActionFormState>) => void;
  /** Structures a coordinator may name as organiser; a partner organises with its own structure only. */
  organisers: ReadonlyArray<readonly [string, string]>;
}

/** Every field of an action, each with its message right under it. */
export function ActionFields({ form, errors, set, organisers }: Props) {
  return (
    <>
      <Section title={frAgenda.agenda.title}>
        <SelectField
          path="type"
          label={F.type}
          value={form.type}
          options={[['', F.choose], ...entries(TYPES_ACTION)]}
          onChange={(v) => set({ type: v as ActionFormState['type'] })}
          error={errors.type}
        />
        <TextField
          path="titre"
          label={F.titre}
          value={form.titre}
          onInput={(v) => set({ titre: v })}
          error={errors.titre}
        />
        <TextField
          path="description"
          label={F.description}
          value={form.description}
          multiline
          onInput={(v) => set({ description: v })}
          error={errors.description}
        />
        <SelectField
          path="organiser"
          label={F.organiser}
          value={form.organiser}
          options={organisers.length > 1 ? [['', F.choose], ...organisers] : organisers}
          onChange={(v) => set({ organiser: v })}
          error={errors.organiser}
        />
      </Section>
      <Section title={F.place}>
        <CheckboxField
          path="atOrganiser"
          label={F.atOrganiser}
          checked={form.atOrganiser}
          onChange={(v) => set({ atOrganiser: v })}
        />
        {!form.atOrganiser && (
          <>
            <TextField
              path="adresse"
              label={F.address}
              value={form.adresse}
              onInput={(v) => set({ adresse: v })}
              error={errors.adresse}
            />
            <SelectField
              path="code_insee"
              label={F.commune}
              value={form.code_insee}
              options={[['', F.choose], ...COMMUNES]}
              onChange={(v) => set({ code_insee: v })}
              error={errors.code_insee}
            />
          </>
        )}
        <TextField
          path="precisionsLieu"
          label={F.placeDetails}
          value={form.precisionsLieu}
          onInput={(v) => set({ precisionsLieu: v })}
          error={errors.precisionsLieu}
        />
      </Section>
      <Section title={F.date}>
        <TextField
          path="date"
          label={F.date}
          type="date"
          value={form.date}
          onInput={(v) => set({ date: v })}
          error={errors.date}
        />
        <TextField
          path="heure"
          label={F.time}
          type="time"
          value={form.heure}
          onInput={(v) => set({ heure: v })}
          error={errors.heure}
        />
        <TextField
          path="duree"
          label={F.duration}
          inputMode="numeric"
          value={form.duree}
          onInput={(v) => set({ duree: v })}
          error={errors.duree}
        />
        <SelectField
          path="frequence"
          label={F.frequency}
          value={form.frequence}
          options={entries(FREQUENCES_ACTION)}
          onChange={(v) => set({ frequence: v as ActionFormState['frequence'] })}
          error={errors.frequence}
        />
        {form.frequence !== 'ponctuelle' && (
          <>
            <TextField
              path="jusquAu"
              label={F.until}
              type="date"
              value={form.jusquAu}
              onInput={(v) => set({ jusquAu: v })}
              error={errors.jusquAu}
            />
            <CheckboxField
              path="saufJoursFeries"
              label={F.skipHolidays}
              checked={form.saufJoursFeries}
              onChange={(v) => set({ saufJoursFeries: v })}
            />
          </>
        )}
      </Section>
      <Section title={F.publics}>
        <CheckboxGroup
          path="publics"
          legend={F.publics}
          options={entries(PUBLICS as Record<string, string>)}
          selected={form.publics}
          onChange={(v) => set({ publics: v })}
          error={errors.publics}
        />
        <TextField
          path="precisionsPublic"
          label={F.publicDetails}
          value={form.precisionsPublic}
          onInput={(v) => set({ precisionsPublic: v })}
          error={errors.precisionsPublic}
        />
      </Section>
      <Section title={F.registrationRequired}>
        <CheckboxField
          path="inscriptionRequise"
          label={F.registrationRequired}
          checked={form.inscriptionRequise}
          onChange={(v) => set({ inscriptionRequise: v })}
        />
        {form.inscriptionRequise && (
          <CheckboxGroup
            path="modes"
            legend={F.registrationModes}
            options={entries(MODES_INSCRIPTION)}
            selected={form.modes}
            onChange={(v) => set({ modes: v })}
            error={errors.modes}
          />
        )}
        <TextField
          path="contact"
          label={F.contact}
          value={form.contact}
          onInput={(v) => set({ contact: v })}
          error={errors.contact}
        />
        <TextField
          path="capacite"
          label={F.capacity}
          inputMode="numeric"
          value={form.capacite}
          onInput={(v) => set({ capacite: v })}
          error={errors.capacite}
        />
      </Section>
      <Section title={F.price}>
        <SelectField
          path="tarif"
          label={F.price}
          value={form.tarif}
          options={entries(TARIFS)}
          onChange={(v) => set({ tarif: v as ActionFormState['tarif'] })}
          error={errors.tarif}
        />
        <TextField
          path="precisionsTarif"
          label={F.priceDetails}
          value={form.precisionsTarif}
          onInput={(v) => set({ precisionsTarif: v })}
          error={errors.precisionsTarif}
        />
        <SelectField
          path="visibilite"
          label={F.visibility}
          value={form.visibilite}
          options={entries(VISIBILITES)}
          onChange={(v) => set({ visibilite: v as ActionFormState['visibilite'] })}
          error={errors.visibilite}
        />
      </Section>
    </>
  );
}
