// The "Modifier" form of a service: what a partner keeps true in two minutes — hours (its own or the partner's),
// temporary information with dates, places, price, access conditions and the fiche de liaison. Values are edited
// as strings and booleans, turned into the record's fields on save, validated with the domain schema (messages
// keyed by the schema path, shown next to the field), then saved on the device and queued in ONE transaction
// (editRecord): an invalid form writes nothing.
import { computed, signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import { getService, storedStructures } from '../../db/directory-repo.ts';
import { editRecord } from '../../db/local-edits.ts';
import { effectiveHours } from '../../domain/effective-hours.ts';
import { foldAccents } from '../../domain/fold-accents.ts';
import type { OffreAlimentaire } from '../../domain/food-offer.ts';
import { offreVide } from '../../domain/food-quality.ts';
import type { ChampLiaison, Service } from '../../domain/service.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { parseAmount } from '../orientation/budget-draft.ts';
import { frProfile } from '../text/strings-profile.ts';
import { tarifOf } from './price-form.ts';
import { type ChampDraft, formOf, type InfoDraft, knownPath, PATHS, type ServiceForm } from './service-form.ts';
import { createStopsEditor, type StopField, type StopsEditor } from './stops-form.ts';
import { frServiceEditor } from './strings-service-editor.ts';

export type { ChampDraft, InfoDraft, ServiceForm } from './service-form.ts';

type Errors = Record<string, string>;
/** What the hours editor reports (HoursEditor's `onChange`). */
export interface HoursState {
  value: string | undefined;
  problems: Record<string, string>;
}
const E = frServiceEditor;

/** Drops undefined members, so that records never carry `key: undefined` (the schema reads them as absent). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
const trimmed = (s: string) => s.trim() || undefined;

/** A ceiling in euros (« 7,50 », « 700 € »); empty is none. Bounds are the schema's, which names the field. */
function ceiling(text: string, path: string, errors: Errors): number | undefined {
  const { value, problem } = parseAmount(text, Number.POSITIVE_INFINITY);
  if (problem) errors[path] = frProfile.editor.invalid;
  return value ?? undefined;
}

/** The partner's fields from the editor: new ones get an id from their label, choices only for « choix ». */
function champsOf(drafts: readonly ChampDraft[]): ChampLiaison[] {
  const taken = new Set(drafts.map((d) => d.id).filter(Boolean));
  return drafts.map((d) => {
    let id = d.id;
    if (!id) {
      const base =
        foldAccents(d.libelle)
          .replace(/[^a-zA-Z0-9]+/g, '_')
          .toLowerCase()
          .replace(/^_|_$/g, '')
          .slice(0, 32) || 'champ';
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
      taken.add(id);
    }
    const options = d.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    return {
      id,
      libelle: d.libelle.trim(),
      type: d.type,
      requis: d.requis,
      ...(d.type === 'choix' ? { options } : {}),
    };
  });
}

/** The offer as the form says it; none at all when nothing is ticked, so an untouched listing stays as it was. */
function offreOf(v: ServiceForm): OffreAlimentaire | undefined {
  const offre: OffreAlimentaire = {
    produits: v.produits,
    modes: v.modes_remise,
    ...(v.choix === '' ? {} : { choix: v.choix }),
  };
  return offreVide(offre) ? undefined : offre;
}

export function createServiceEditor(db: BoussoleDatabase, id: string) {
  const original = signal<Service | null>(null);
  const values = signal<ServiceForm | null>(null);
  const errors = signal<Errors>({});
  const status = signal<'loading' | 'missing' | 'editing' | 'saving' | 'saved'>('loading');
  const failures = signal(0);
  /**
   * Own hours of the service as the hours editor holds them; the editor starts from the partner's when the service
   * has none (« mêmes horaires que l'accueil »), and they are saved only when the person chooses own hours.
   */
  const hours = signal<HoursState>({ value: undefined, problems: {} });
  /** Where the hours editor starts from. */
  const initialHours = signal<string | undefined>(undefined);
  /** Hours of each exceptional-hours entry, by entry id. */
  const infoHours = new Map<string, HoursState>();
  const infoInitial = new Map<string, string | undefined>();
  /** Stops of a service that moves, each with its hours as its hours editor reports them. */
  const stops = signal<StopsEditor>(createStopsEditor(undefined));
  let loaded = '';

  const snapshotOf = () =>
    JSON.stringify([
      values.value,
      values.value?.ownHours ? hours.value.value : null,
      [...infoHours].map(([k, h]) => [k, h.value]),
      stops.value.snapshot(),
    ]);

  async function load() {
    const service = await getService(db, id);
    if (!service) {
      status.value = 'missing';
      return;
    }
    const [structure] = await storedStructures(db, [service.structure_id]);
    original.value = service;
    values.value = formOf(service);
    initialHours.value = effectiveHours(service, structure);
    hours.value = { value: initialHours.value, problems: {} };
    stops.value = createStopsEditor(service.arrets);
    for (const info of service.infos_temporaires) {
      if (info.type !== 'horaires-exceptionnels') continue;
      infoInitial.set(info.id, info.horaires);
      infoHours.set(info.id, { value: info.horaires, problems: {} });
    }
    loaded = snapshotOf();
    status.value = 'editing';
  }

  function clear(path: string) {
    if (errors.value[path] === undefined) return;
    const { [path]: _, ...rest } = errors.value;
    errors.value = rest;
  }

  /** The record's fields from the form, or the problems found before the schema is even asked. */
  function build(): { changes: Record<string, unknown>; errors: Errors; hoursOk: boolean } {
    const v = values.value as ServiceForm;
    const base = original.value as Service;
    const out: Errors = {};
    let hoursOk = true;
    let horaires: string | undefined;
    if (v.ownHours) {
      const checked = hours.value;
      if (Object.keys(checked.problems).length > 0) hoursOk = false;
      else if (checked.value === undefined) out.horaires_accueil = E.ownHoursEmpty;
      else horaires = checked.value;
    }
    const infos = v.infos.map((d, i) => {
      const at = `infos_temporaires[${i}]`;
      if (!d.debut) out[`${at}.debut`] = E.dateRequired;
      const info: Record<string, unknown> = { id: d.id, type: d.type, debut: d.debut, fin: trimmed(d.fin) };
      if (d.type === 'horaires-exceptionnels') {
        const checked = infoHours.get(d.id) ?? { value: undefined, problems: {} };
        if (Object.keys(checked.problems).length > 0) hoursOk = false;
        else if (checked.value === undefined) out[`${at}.horaires`] = E.exceptionalEmpty;
        else info.horaires = checked.value;
      }
      info.message = trimmed(d.message);
      return compact(info);
    });
    const built = stops.value.build(out);
    if (!built.hoursOk) hoursOk = false;
    const changes = {
      arrets: built.arrets,
      frequence_maj_mois: Number(v.frequence_maj_mois),
      horaires_accueil: horaires,
      horaires_note: trimmed(v.horaires_note),
      infos_temporaires: infos,
      capacite: v.capacite_etat ? compact({ etat: v.capacite_etat, note: trimmed(v.capacite_note) }) : undefined,
      tarif: tarifOf(v, out),
      eligibilite: compact({
        ...base.eligibilite,
        reste_a_vivre_max: ceiling(v.reste_a_vivre_max, 'eligibilite.reste_a_vivre_max', out),
        quotient_familial_max: ceiling(v.quotient_familial_max, 'eligibilite.quotient_familial_max', out),
        sur_orientation: v.sur_orientation,
        sur_rendez_vous: v.sur_rendez_vous,
        sur_inscription: v.sur_inscription,
        justificatifs: v.justificatifs,
        precisions: trimmed(v.eligibilite_precisions),
      }),
      offre_alimentaire: offreOf(v),
      regimes: v.regimes,
      fiche_liaison: compact({
        ...base.fiche_liaison,
        requise: v.fiche_requise,
        canaux: v.fiche_canaux,
        contact_nom: trimmed(v.fiche_contact_nom),
        courriel: trimmed(v.fiche_courriel),
        telephone: trimmed(v.fiche_telephone),
        modele_url: trimmed(v.fiche_modele_url),
        champs: champsOf(v.fiche_champs),
      }),
    };
    return { changes, errors: out, hoursOk };
  }

  function fail(next: Errors) {
    errors.value = next;
    status.value = 'editing';
    failures.value++;
    return false;
  }

  return {
    original,
    values,
    errors,
    status,
    failures,
    hours,
    stops,
    initialHours,
    setHours(change: HoursState) {
      hours.value = change;
      clear(PATHS.ownHours);
    },
    /** Where the hours editor of an exceptional-hours entry starts from. */
    infoInitialHours: (infoId: string) => infoInitial.get(infoId),
    setInfoHours(infoId: string, change: HoursState) {
      infoHours.set(infoId, change);
      // A new snapshot of the values, so that `dirty` is computed again.
      if (values.value) values.value = { ...values.value };
    },
    dirty: computed(() => status.value === 'editing' && values.value !== null && snapshotOf() !== loaded),
    load,
    /** Whether an entry has exceptional hours to edit. */
    hasInfoHours: (infoId: string) => infoHours.has(infoId),
    set<K extends keyof ServiceForm>(key: K, value: ServiceForm[K], path: string = key) {
      if (!values.value) return;
      values.value = { ...values.value, [key]: value };
      clear(path);
    },
    setInfo(index: number, field: keyof Omit<InfoDraft, 'id'>, value: string) {
      const v = values.value;
      const draft = v?.infos[index];
      if (!v || !draft) return;
      const next = { ...draft, [field]: value } as InfoDraft;
      if (next.type === 'horaires-exceptionnels' && !infoHours.has(next.id)) {
        infoHours.set(next.id, { value: undefined, problems: {} });
      }
      values.value = { ...v, infos: v.infos.map((d, i) => (i === index ? next : d)) };
      clear(`infos_temporaires[${index}].${field}`);
    },
    addInfo() {
      const v = values.value;
      if (!v) return;
      const infoId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const draft: InfoDraft = { id: infoId, type: 'fermeture', debut: parisDay(Date.now()), fin: '', message: '' };
      values.value = { ...v, infos: [...v.infos, draft] };
    },
    /** The partner's liaison form: add, change, move and remove its fields. */
    setChamps(next: ChampDraft[]) {
      const v = values.value;
      if (!v) return;
      values.value = { ...v, fiche_champs: next };
      // Messages are keyed by position: after a change of the list they would point at the wrong field.
      errors.value = Object.fromEntries(
        Object.entries(errors.value).filter(([p]) => !p.startsWith('fiche_liaison.champs')),
      );
    },
    /** A stop's hours, as its hours editor reports them. */
    setStopHours(index: number, stopId: string, change: HoursState) {
      stops.value.setHours(stopId, change);
      clear(`arrets[${index}].horaires`);
      // A new snapshot of the values, so that `dirty` is computed again.
      if (values.value) values.value = { ...values.value };
    },
    /** A stop's place; its hours through `setStopHours`. */
    setStop(index: number, field: StopField, value: string) {
      stops.value.set(index, field, value);
      clear(`arrets[${index}].${field}`);
      if (field === 'adresse') clear(`arrets[${index}].nom`);
    },
    addStop() {
      return stops.value.add();
    },
    removeStop(index: number) {
      stops.value.remove(index);
      // Messages are keyed by position: they would now point at the wrong stop.
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([p]) => !p.startsWith('arrets')));
    },
    removeInfo(index: number) {
      const v = values.value;
      if (!v) return;
      values.value = { ...v, infos: v.infos.filter((_, i) => i !== index) };
      // Messages are keyed by position: they would now point at the wrong entry.
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([p]) => !p.startsWith('infos_')));
    },
    /**
     * Saves on the device and queues for the server; false with messages next to the fields when anything is
     * invalid, in which case nothing is written. Hours are as the hours editor last reported them (checked with the
     * hours library once it is loaded).
     */
    async save(): Promise<boolean> {
      if (!values.value || !original.value) return false;
      const built = build();
      if (!built.hoursOk) built.errors.form ??= E.invalid;
      if (Object.keys(built.errors).length > 0) return fail(built.errors);
      status.value = 'saving';
      const result = await editRecord(db, 'service', id, built.changes);
      if (result.ok) {
        errors.value = {};
        status.value = 'saved';
        return true;
      }
      const next: Errors = {};
      for (const problem of result.problems) next[knownPath(problem.path)] ??= problem.message;
      return fail(next);
    },
  };
}

export type ServiceEditor = ReturnType<typeof createServiceEditor>;
