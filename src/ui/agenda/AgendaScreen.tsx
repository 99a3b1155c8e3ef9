import type { ReadonlySignal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import type { TypeAction } from '../../domain/action.ts';
import { ADDRESSABLE_COMMUNES, COMMUNES, communeByCode, LYON } from '../../domain/communes.ts';
import { TYPES_ACTION } from '../../domain/vocabulary.ts';
import { type AgendaItem, agendaBetween, type Period, periodWindow } from '../../matching/agenda/agenda.ts';
import { type StopPassage, stopPassagesBetween } from '../../matching/agenda/stop-passages.ts';
import type { DirectorySnapshot } from '../../matching/snapshot.ts';
import { SelectField } from '../components/FormFields.tsx';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { hoursStringsOf, useHoursEngine } from '../hours/use-hours-engine.ts';
import { capitalised, relativeDay } from '../text/fr-format.ts';
import { AgendaItemCard } from './AgendaItemCard.tsx';
import type { AgendaModel } from './agenda-model.ts';
import { StopPassageCard } from './StopPassageCard.tsx';
import { frAgenda } from './strings-agenda.ts';
import { useAgenda } from './use-agenda.ts';

const T = frAgenda.agenda;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const COMMUNE_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['', T.allCommunes],
  ...[...ADDRESSABLE_COMMUNES, ...COMMUNES.filter((c) => c.code_insee === LYON)]
    .sort((a, b) => collator.compare(a.nom, b.nom))
    .map((c) => [c.code_insee, c.nom] as const),
];
const KIND_OPTIONS: ReadonlyArray<readonly [string, string]> = [['', T.allKinds], ...Object.entries(TYPES_ACTION)];

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  programme: () => Promise<AgendaModel>;
  /** A first download is on its way: an empty programme means « still loading », not « nothing planned ». */
  downloadComing?: boolean;
  /** The clock (tests pin it). */
  clock?: () => number;
}

/**
 * Agenda des actions: the programme of this week or this month, by commune and kind, computed on the
 * device from the actions and partners the last sync brought — offline like the rest. Coordinators and partners
 * add and change actions from here; a commune's calendar can be subscribed to (.ics, served by the server).
 */
export function AgendaScreen({ catalog, programme, downloadComing = false, clock = Date.now }: Props) {
  const model = useAgenda(programme);
  const [period, setPeriod] = useState<Period>('semaine');
  const [commune, setCommune] = useState('');
  const [kind, setKind] = useState('');
  const structures = catalog.value?.snapshot.value?.structures;
  const structureOf = (id: string) => structures?.get(id);
  const read = model?.actions.value ?? null;
  const actions = read && read.length === 0 && downloadComing ? null : read;
  const now = clock();
  const items = useMemo(() => {
    if (!actions) return null;
    const { from, to } = periodWindow(period, now);
    return agendaBetween(actions, structureOf, from, to, {
      ...(commune ? { code_insee: commune } : {}),
      ...(kind ? { type: kind as TypeAction } : {}),
    });
  }, [actions, structures, period, commune, kind, Math.floor(now / 60_000)]);
  // Services that move are listed where they stop (no action kind: they are not actions of the programme), their
  // passages worked out from the hours worker's table of the stops' hours, as on the partner sheet: the hours
  // library is not compiled on the page for them.
  const snapshot = catalog.value?.snapshot.value ?? null;
  const stopHours = useMemo(
    () => (snapshot && snapshot.stops.length > 0 ? hoursOfStops(snapshot.stops) : null),
    [snapshot],
  );
  const engine = useHoursEngine({ catalog: catalog.value }, stopHours);
  const passages = useMemo(() => {
    if (!snapshot || !engine || kind) return [];
    const { from, to } = periodWindow(period, now);
    return stopPassagesBetween(snapshot, engine, from, to, commune ? { code_insee: commune } : {});
  }, [snapshot, engine, period, commune, kind, Math.floor(now / 60_000)]);

  const days = new Map<string, Array<AgendaItem | StopPassage>>();
  for (const item of items ?? []) days.set(item.occurrence.day, [...(days.get(item.occurrence.day) ?? []), item]);
  for (const p of items ? passages : []) days.set(p.opening.day, [...(days.get(p.opening.day) ?? []), p]);
  const startOf = (x: AgendaItem | StopPassage) => ('opening' in x ? x.opening.start : x.occurrence.start);
  const sortedDays = [...days].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [, list] of sortedDays) list.sort((a, b) => startOf(a) - startOf(b));
  const communeName = commune ? communeByCode(commune)?.nom : undefined;

  return (
    <section class="screen agenda" aria-labelledby="agenda-title">
      <h1 id="agenda-title">{T.title}</h1>
      <p>{T.intro}</p>
      {model?.mayCreate() && (
        <p>
          <a class="button primary" href="/agenda/nouvelle">
            {T.newAction}
          </a>
        </p>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          path="agenda-periode"
          label={T.period}
          value={period}
          options={[
            ['semaine', T.week],
            ['mois', T.month],
          ]}
          onChange={(v) => setPeriod(v as Period)}
        />
        <SelectField
          path="agenda-commune"
          label={T.commune}
          value={commune}
          options={COMMUNE_OPTIONS}
          onChange={setCommune}
        />
        <SelectField path="agenda-type" label={T.kind} value={kind} options={KIND_OPTIONS} onChange={setKind} />
      </form>
      {communeName && (
        <p>
          <a href={`/api/v1/agenda/commune/${commune}.ics`} data-testid="ics-commune">
            {T.subscribeCommune(communeName)}
          </a>
          <br />
          <span class="hint">{T.subscribeHint}</span>
        </p>
      )}
      <p aria-live="polite" class="result-count" data-testid="agenda-count">
        {items ? T.count(items.length + passages.length) : T.loading}
      </p>
      {items && items.length + passages.length === 0 && <p>{T.empty}</p>}
      {sortedDays.map(([day, dayItems]) => (
        <section key={day} aria-labelledby={`jour-${day}`}>
          <h2 id={`jour-${day}`}>{capitalised(relativeDay(day, now))}</h2>
          <ul class="results">
            {dayItems.map((item) =>
              'opening' in item ? (
                <StopPassageCard key={`${item.stop.index}-${item.opening.start}`} passage={item} />
              ) : (
                <AgendaItemCard
                  key={`${item.action.id}-${item.occurrence.start}`}
                  item={item}
                  structureOf={structureOf}
                  editable={model?.mayEdit(item.action) ?? false}
                />
              ),
            )}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** Every hours string the stops' passages are read from: their regular hours and their temporary ones. */
function hoursOfStops(stops: DirectorySnapshot['stops']): string[] {
  const regular = stops.flatMap((stop) => (stop.published && stop.hours !== null ? [stop.hours] : []));
  return [...new Set([...regular, ...hoursStringsOf(stops.map((stop) => stop.temporary))])].sort();
}
