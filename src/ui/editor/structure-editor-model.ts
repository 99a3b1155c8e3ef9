// The "Modifier" form of a structure: text fields edited as strings and the opening hours in the hours editor,
// validated with the domain schema on save (a message next to each wrong field), then saved on the device and
// queued in ONE transaction. Empty optional fields are removed from the record rather than stored as empty strings.
import { computed, signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { getStructure } from '../../db/directory-repo.ts';
import { editRecord } from '../../db/local-edits.ts';
import type { Structure } from '../../domain/structure.ts';
import type { HoursState } from './service-editor-model.ts';
import { frEditor } from './strings-editor.ts';

export const EDITABLE_STRUCTURE_FIELDS = [
  'nom',
  'description',
  'adresse',
  'complement_adresse',
  'telephone',
  'courriel',
  'site_web',
  'horaires_note',
] as const;
export type EditableField = (typeof EDITABLE_STRUCTURE_FIELDS)[number];
const REQUIRED: ReadonlySet<EditableField> = new Set(['nom', 'adresse']);

export function createStructureEditor(db: BoussoleDatabase, id: string) {
  const original = signal<Structure | null>(null);
  const values = signal<Record<EditableField, string>>(emptyValues());
  const errors = signal<Partial<Record<EditableField | 'form', string>>>({});
  const status = signal<'loading' | 'missing' | 'editing' | 'saving' | 'saved'>('loading');
  /** The hours as the hours editor reports them (its `onChange`), and a message from the schema about them. */
  const hours = signal<HoursState>({ value: undefined, problems: {} });
  const hoursError = signal<string | undefined>(undefined);
  let loadedHours: string | undefined;
  /** The structure's workers take part in the anonymous orientation statistics (docs/orientation-events.md). */
  const participation = signal(true);
  let loadedParticipation = true;
  /** Bumped at each failed save, so that the form moves the focus to the first message. */
  const failures = signal(0);

  async function load() {
    const structure = await getStructure(db, id);
    if (!structure) {
      status.value = 'missing';
      return;
    }
    original.value = structure;
    values.value = Object.fromEntries(EDITABLE_STRUCTURE_FIELDS.map((f) => [f, String(structure[f] ?? '')])) as Record<
      EditableField,
      string
    >;
    loaded.value = values.value;
    loadedHours = structure.horaires_accueil;
    hours.value = { value: loadedHours, problems: {} };
    loadedParticipation = participation.value = structure.statistiques_orientations !== false;
    status.value = 'editing';
  }

  function changes(horaires: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {
      horaires_accueil: horaires,
      // Absent is taking part: only a refusal is written.
      statistiques_orientations: participation.value ? undefined : false,
    };
    for (const field of EDITABLE_STRUCTURE_FIELDS) {
      const value = values.value[field].trim();
      out[field] = value === '' && !REQUIRED.has(field) ? undefined : value;
    }
    return out;
  }

  const loaded = signal<Record<EditableField, string>>(emptyValues());
  const dirty = computed(
    () =>
      status.value === 'editing' &&
      (EDITABLE_STRUCTURE_FIELDS.some((f) => values.value[f] !== loaded.value[f]) ||
        participation.value !== loadedParticipation ||
        hours.value.value !== loadedHours),
  );

  return {
    original,
    dirty,
    values,
    errors,
    status,
    hours,
    hoursError,
    setHours(change: HoursState) {
      hours.value = change;
      hoursError.value = undefined;
    },
    failures,
    participation,
    load,
    set(field: EditableField, value: string) {
      values.value = { ...values.value, [field]: value };
      if (errors.value[field]) errors.value = { ...errors.value, [field]: undefined };
    },
    /**
     * Saves on the device (and queues for the server); false with messages next to the fields when invalid. The
     * hours are as the hours editor last reported them (checked with the hours library once it is loaded).
     */
    async save(): Promise<boolean> {
      const checked = hours.value;
      if (Object.keys(checked.problems).length > 0) {
        errors.value = { form: frEditor.invalid };
        failures.value++;
        return false;
      }
      status.value = 'saving';
      const result = await editRecord(db, 'structure', id, changes(checked.value));
      if (result.ok) {
        errors.value = {};
        status.value = 'saved';
        return true;
      }
      const next: Partial<Record<EditableField | 'form', string>> = {};
      for (const problem of result.problems) {
        const field = problem.path.split(/[.[]/)[0] as EditableField;
        if ((EDITABLE_STRUCTURE_FIELDS as readonly string[]).includes(field)) next[field] ??= problem.message;
        else if (field === ('horaires_accueil' as string)) hoursError.value = problem.message;
        else next.form ??= problem.message;
      }
      errors.value = next;
      status.value = 'editing';
      failures.value++;
      return false;
    },
  };
}

function emptyValues(): Record<EditableField, string> {
  return Object.fromEntries(EDITABLE_STRUCTURE_FIELDS.map((f) => [f, ''])) as Record<EditableField, string>;
}

export type StructureEditor = ReturnType<typeof createStructureEditor>;
