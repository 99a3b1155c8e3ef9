// The orientation flow's state: the step, the answers, the results and their filters. Privacy by design: the
// profile describes a person in front of the worker, so it never leaves this device — never sent, never in the
// outbox, never in localStorage, sessionStorage or the URL (BRIEF: the profile stays on the device unless a referral
// is sent with the person's consent). What `saved()` returns is kept on this device, in IndexedDB, so that a reload
// or a tab the tablet discarded loses nothing (work-in-progress.ts): erased at « Terminer » / « Nouvelle
// orientation » (`reset`), at sign-out, when another account signs in, and WORK_IN_PROGRESS_HOURS after the last
// change. A field that describes the person or the sheet belongs in SavedOrientation.
//
// The orientation runs on the device (catalog.orient) only on the results step, and again by itself when the
// directory or the hours library arrives (both are signals read by `orient`); filters only hide results.
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Orientation, ServiceResult } from '../../matching/orient/types.ts';
import type { Language, ProfileField } from '../../matching/reasons.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { browserPosition, type Locating, locateInMetropole, type Position } from './place-choice.ts';
import { communeName, type Draft, EMPTY_DRAFT, profileOf } from './profile-draft.ts';
import { NO_FILTERS, type ResultFilters, resultFilter } from './result-filters.ts';

export type Step = 'profil' | 'besoins' | 'resultats';
export type ResultList = 'eligible' | 'toCheck' | 'excluded';

const PAGE = 10;
const FIRST_PAGES: Record<ResultList, number> = { eligible: PAGE, toCheck: PAGE, excluded: PAGE };
/** Fields asked under "Autres critères": opening it is part of going back to one of them. */
const MORE_FIELDS: ReadonlySet<ProfileField> = new Set([
  'code_qpv',
  'age',
  'genre',
  'situation_familiale',
  'situation_administrative',
  'mobilite',
  'langues',
  'regimes',
  'peut_cuisiner',
  'disponibilites',
  'emploi',
  'handicap',
]);

export interface ResultsView {
  orientation: Orientation;
  eligible: ServiceResult[];
  toCheck: ServiceResult[];
  /** Results the filters hide. */
  hidden: number;
}

/** What survives a reload (work-in-progress.ts); parsed back by work-in-progress-schema.ts. */
export interface SavedOrientation {
  draft: Draft;
  step: Step;
  filters: ResultFilters;
  moreOpen: boolean;
  budgetOpen: boolean;
  handoutLanguage: Language | null;
  /**
   * Once the orientation was ended (sheet printed or shared, referral sent, « Terminer »): the id of its anonymous
   * event, so that ending it again replaces that event rather than counting a second orientation.
   */
  fin: OrientationEnd | null;
}

export interface OrientationEnd {
  id: string;
  referral: boolean;
}

/** A random id for an orientation's anonymous event: nothing in it relates to the person. */
function newEventId(): string {
  return `evt-${crypto.randomUUID()}`;
}

export function createOrientationModel(catalog: ReadonlySignal<CatalogModel | null>, clock: () => number = Date.now) {
  const draft = signal<Draft>(EMPTY_DRAFT);
  const step = signal<Step>('profil');
  const moreOpen = signal(false);
  /** « Ressources et charges » is open (it is also opened to go back to the amounts). */
  const budgetOpen = signal(false);
  /** Where focus goes once the step is shown: its heading, or a field the worker came back to. */
  const focus = signal<{ field: ProfileField | null; seq: number }>({ field: null, seq: 0 });
  const now = signal(clock());
  const filters = signal<ResultFilters>(NO_FILTERS);
  const limits = signal<Record<ResultList, number>>(FIRST_PAGES);
  const locating = signal<Locating>('idle');
  /** The person's language for the handout, chosen by the worker; null: proposed from the profile's languages. */
  const handoutLanguage = signal<Language | null>(null);
  const fin = signal<OrientationEnd | null>(null);

  const profile = computed(() => profileOf(draft.value));
  const orientation = computed<Orientation | null>(() => {
    if (step.value !== 'resultats') return null;
    return catalog.value?.orient(profile.value, now.value, draft.value.criteres) ?? null;
  });
  /** Colleagues' and MDM's criteria present on the device (partners' and the public's feeds carry none). */
  const criteresInUse = computed(() => {
    const tags = new Set<string>();
    for (const e of catalog.value?.snapshot.value?.entries ?? []) for (const t of e.criteres) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b, 'fr'));
  });
  const view = computed<ResultsView | null>(() => {
    const o = orientation.value;
    const c = catalog.value;
    if (!o || !c) return null;
    const keep = resultFilter(filters.value, c.entry, now.value, c.hours.value);
    const shown = o.results.filter(keep);
    return {
      orientation: o,
      eligible: shown.filter((r) => r.verdict === 'eligible'),
      toCheck: shown.filter((r) => r.verdict === 'to_check'),
      hidden: o.results.length - shown.length,
    };
  });

  function go(next: Step, field: ProfileField | null = null) {
    step.value = next;
    focus.value = { field, seq: focus.value.seq + 1 };
  }

  return {
    draft,
    step,
    moreOpen,
    budgetOpen,
    criteresInUse,
    focus,
    now,
    filters,
    limits,
    locating,
    handoutLanguage,
    profile,
    orientation,
    view,
    /** Starts loading the hours library (results say hours are loading until it is there). */
    start() {
      void catalog.value?.ensureHours();
    },
    set<K extends keyof Draft>(key: K, value: Draft[K]) {
      draft.value = { ...draft.value, [key]: value };
    },
    patch(values: Partial<Draft>) {
      draft.value = { ...draft.value, ...values };
    },
    /** The commune as typed: recognised or not, it replaces a GPS position. */
    typeCommune(text: string, code: string | null) {
      locating.value = 'idle';
      draft.value = { ...draft.value, communeText: text, commune: code, position: null };
    },
    async locate(getPosition: () => Promise<Position> = browserPosition) {
      locating.value = 'locating';
      const found = await locateInMetropole(getPosition);
      if (typeof found === 'string') {
        locating.value = found;
        return;
      }
      const { position, commune: code } = found;
      draft.value = { ...draft.value, position, commune: code, communeText: communeName(code) ?? '' };
      locating.value = 'located';
    },
    go,
    showResults() {
      now.value = clock();
      limits.value = FIRST_PAGES;
      void catalog.value?.ensureHours();
      go('resultats');
    },
    /** Back to the profile step, on the field that would change results ("Préciser …"). */
    editField(field: ProfileField) {
      if (MORE_FIELDS.has(field)) moreOpen.value = true;
      if (field === 'budget') budgetOpen.value = true;
      go('profil', field);
    },
    setFilter<K extends keyof ResultFilters>(key: K, value: ResultFilters[K]) {
      filters.value = { ...filters.value, [key]: value };
    },
    /** Marks the orientation as ended (again): the id and referral flag its event carries. */
    end(referral: boolean): OrientationEnd {
      const mark = { id: fin.value?.id ?? newEventId(), referral: referral || (fin.value?.referral ?? false) };
      fin.value = mark;
      return mark;
    },
    showMore(list: ResultList) {
      limits.value = { ...limits.value, [list]: limits.value[list] + PAGE };
    },
    saved(): SavedOrientation {
      return {
        // The GPS position (often the person's home, at a visit) stays in memory only: the commune found from it is
        // kept, and distances start from that commune after a reload until « Utiliser ma position » is pressed again.
        draft: { ...draft.value, position: null },
        step: step.value,
        filters: filters.value,
        moreOpen: moreOpen.value,
        budgetOpen: budgetOpen.value,
        handoutLanguage: handoutLanguage.value,
        fin: fin.value,
      };
    },
    /** Back where the worker was before the reload (results run again, at the current time). */
    restore(saved: SavedOrientation) {
      draft.value = saved.draft;
      filters.value = saved.filters;
      moreOpen.value = saved.moreOpen;
      budgetOpen.value = saved.budgetOpen;
      handoutLanguage.value = saved.handoutLanguage;
      fin.value = saved.fin;
      locating.value = 'idle';
      step.value = saved.step;
    },
    /** Forgets the person: a new orientation starts from nothing. */
    reset() {
      draft.value = EMPTY_DRAFT;
      filters.value = NO_FILTERS;
      limits.value = FIRST_PAGES;
      moreOpen.value = false;
      budgetOpen.value = false;
      locating.value = 'idle';
      handoutLanguage.value = null;
      fin.value = null;
      go('profil');
    },
  };
}

export type OrientationModel = ReturnType<typeof createOrientationModel>;
