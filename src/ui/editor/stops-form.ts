// The stops of a service that moves, as the service editor holds them: each stop's place (a name people use, an
// address, the commune chosen from the Métropole's) as typed, and its hours as its own hours editor reports them. `build` turns
// them into the record's `arrets`, with messages keyed by the schema path (`arrets[1].code_insee`) for the form to
// show beside the fields. A stop keeps its position while its commune and address stay as they were; once either
// changes the position is dropped (the device cannot geocode offline) and the matcher measures from the commune.
import { signal } from '@preact/signals';
import { communeByCode } from '../../domain/communes.ts';
import type { Arret } from '../../domain/service.ts';
import { frStops as A } from '../text/strings-stops.ts';
import type { HoursState } from './service-editor-model.ts';

export interface StopDraft {
  id: string;
  nom: string;
  adresse: string;
  code_postal: string;
  code_insee: string;
  precisions: string;
  latitude: number | null;
  longitude: number | null;
}
export type StopField = 'nom' | 'adresse' | 'code_insee' | 'precisions';
type Errors = Record<string, string>;

const trimmed = (s: string) => s.trim() || undefined;

function draftOf(a: Arret): StopDraft {
  return {
    id: a.id,
    nom: a.nom ?? '',
    adresse: a.adresse ?? '',
    code_postal: a.code_postal ?? '',
    code_insee: a.code_insee,
    precisions: a.precisions ?? '',
    latitude: a.latitude,
    longitude: a.longitude,
  };
}

export function createStopsEditor(initial: readonly Arret[] | undefined) {
  const drafts = signal<StopDraft[]>((initial ?? []).map(draftOf));
  /** Where each stop's hours editor starts from, by stop id. */
  const initialHours = new Map<string, string | undefined>((initial ?? []).map((a) => [a.id, a.horaires]));
  const hours = new Map<string, HoursState>((initial ?? []).map((a) => [a.id, { value: a.horaires, problems: {} }]));

  return {
    drafts,
    initialHoursOf: (id: string) => initialHours.get(id),
    setHours(id: string, change: HoursState) {
      if (hours.has(id)) hours.set(id, change);
    },
    /** What the form holds, to tell whether anything changed. */
    snapshot: () => [drafts.value, drafts.value.map((d) => hours.get(d.id)?.value ?? null)],
    add(): StopDraft {
      const id = `arret-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const draft: StopDraft = {
        id,
        nom: '',
        adresse: '',
        code_postal: '',
        code_insee: '',
        precisions: '',
        latitude: null,
        longitude: null,
      };
      hours.set(id, { value: undefined, problems: {} });
      drafts.value = [...drafts.value, draft];
      return draft;
    },
    set(index: number, field: StopField, value: string) {
      const current = drafts.value[index];
      if (!current) return;
      const next: StopDraft = { ...current, [field]: value };
      if (field === 'code_insee' || field === 'adresse') {
        next.latitude = null;
        next.longitude = null;
      }
      if (field === 'code_insee') next.code_postal = communeByCode(value)?.codes_postaux[0] ?? '';
      drafts.value = drafts.value.map((d, i) => (i === index ? next : d));
    },
    remove(index: number) {
      const gone = drafts.value[index];
      if (gone) {
        hours.delete(gone.id);
        initialHours.delete(gone.id);
      }
      drafts.value = drafts.value.filter((_, i) => i !== index);
    },
    /** The record's `arrets` (undefined when there are none), the problems found on the way in `out`. */
    build(out: Errors): { arrets: Arret[] | undefined; hoursOk: boolean } {
      let hoursOk = true;
      const arrets = drafts.value.map((d, i): Arret => {
        const at = `arrets[${i}]`;
        const commune = communeByCode(d.code_insee);
        if (!commune) out[`${at}.code_insee`] = A.communeRequired;
        if (!d.nom.trim() && !d.adresse.trim()) out[`${at}.nom`] = A.placeRequired;
        const checked = hours.get(d.id) ?? { value: undefined, problems: {} };
        let horaires = '';
        if (Object.keys(checked.problems).length > 0) hoursOk = false;
        else if (checked.value === undefined) out[`${at}.horaires`] = A.hoursRequired;
        else horaires = checked.value;
        const stop: Arret = {
          id: d.id,
          commune: commune?.nom ?? '',
          code_insee: d.code_insee,
          latitude: d.latitude,
          longitude: d.longitude,
          horaires,
        };
        const nom = trimmed(d.nom);
        const adresse = trimmed(d.adresse);
        const precisions = trimmed(d.precisions);
        if (nom) stop.nom = nom;
        if (adresse) stop.adresse = adresse;
        if (d.code_postal) stop.code_postal = d.code_postal;
        if (precisions) stop.precisions = precisions;
        return stop;
      });
      return { arrets: arrets.length > 0 ? arrets : undefined, hoursOk };
    },
  };
}

export type StopsEditor = ReturnType<typeof createStopsEditor>;
