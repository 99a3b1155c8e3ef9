// The lazy chunk « Carte » loads (ListMapToggle.tsx): the orientation's and the Annuaire's results turned into the
// map's places. Both show the page of results their list shows, in the list's order — never the whole directory: a
// 10,000-service search draws its first 20, like the list, and « Afficher plus » grows both. The map is another
// view of the same list (what is picked on one is on the other), and its cost stays that of the page asked for.
import { useMemo } from 'preact/hooks';
import { communeByCode } from '../../domain/communes.ts';
import type { ServiceResult } from '../../matching/orient/types.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import type { DirectoryAnswer, DirectoryResult } from '../directory/directory-search-model.ts';
import type { OrientationModel } from '../orientation/orientation-model.ts';
import { frOrientation } from '../orientation/strings-orientation.ts';
import { distance } from '../text/fr-format.ts';
import { hoursStatus } from '../text/hours-status.ts';
import { type MapItem, ResultsMap } from './ResultsMap.tsx';

const sheetOf = (structureId: string, serviceId: string) =>
  `/partenaires/${encodeURIComponent(structureId)}#service-${encodeURIComponent(serviceId)}`;

function addressOf(entry: ServiceEntry): string | null {
  const place = entry.service.lieu ?? entry.structure;
  return place ? `${place.adresse}, ${place.code_postal} ${place.commune}` : null;
}

function hoursOf(catalog: CatalogModel, entry: ServiceEntry, now: number): string | null {
  const engine = catalog.hours.value;
  return engine ? hoursStatus(engine, { regular: entry.hours, temporary: entry.temporary }, now, 1).text : null;
}

/** The partner's name first, as on the result cards; the service's when it says more. */
function names(entry: { nom: string; structureNom: string | null }): { name: string; detail: string | null } {
  const name = entry.structureNom ?? entry.nom;
  return { name, detail: entry.nom !== name ? entry.nom : null };
}

export function orientationItems(results: readonly ServiceResult[], catalog: CatalogModel, now: number): MapItem[] {
  return results.flatMap((r): MapItem[] => {
    const entry = catalog.entry(r.service_id);
    if (!entry || entry.latitude === null || entry.longitude === null) return [];
    return [
      {
        id: entry.id,
        ...names(entry),
        commune: entry.communeName,
        address: addressOf(entry),
        hours: hoursOf(catalog, entry, now),
        distance:
          r.distance_km === null ? null : frOrientation.distance(distance(r.distance_km), r.distance_approximate),
        href: sheetOf(entry.structureId, entry.id),
        kind: r.verdict === 'to_check' ? 'to_check' : 'eligible',
        approximate: entry.locationApprox,
        latitude: entry.latitude,
        longitude: entry.longitude,
      },
    ];
  });
}

export function directoryItems(results: readonly DirectoryResult[], catalog: CatalogModel): MapItem[] {
  return results.flatMap(({ entry: found, hours }): MapItem[] => {
    // The search may answer from the start-up copy before the directory is parsed: then the commune's centre.
    const entry = catalog.entry(found.id);
    const centre = communeByCode(found.communeCode)?.centre;
    const latitude = entry?.latitude ?? centre?.latitude ?? null;
    const longitude = entry?.longitude ?? centre?.longitude ?? null;
    if (latitude === null || longitude === null) return [];
    return [
      {
        id: found.id,
        ...names(found),
        commune: found.communeName,
        address: entry ? addressOf(entry) : null,
        hours,
        distance: null,
        href: sheetOf(found.structureId, found.id),
        kind: 'service',
        approximate: entry ? entry.locationApprox : true,
        latitude,
        longitude,
      },
    ];
  });
}

export interface OrientationMapProps {
  model: OrientationModel;
  catalog: CatalogModel;
}

/** The orientation's eligible and « à vérifier » results as far as their lists show them, and the person's place. */
export function OrientationMap({ model, catalog }: OrientationMapProps) {
  const view = model.view.value;
  const limits = model.limits.value;
  const now = model.now.value;
  // Read here, so that the cards' hours appear when the library arrives; computed once per page of results.
  const engine = catalog.hours.value;
  const items = useMemo(
    () =>
      view
        ? orientationItems(
            [...view.eligible.slice(0, limits.eligible), ...view.toCheck.slice(0, limits.toCheck)],
            catalog,
            now,
          )
        : [],
    [view, limits, catalog, now, engine],
  );
  if (!view) return null;
  const total = view.eligible.length + view.toCheck.length;
  // The GPS position the worker used, from the orientation's memory: drawn, never stored or sent from here.
  const person = model.draft.value.position;
  const onMore = () => model.showMore(view.eligible.length > limits.eligible ? 'eligible' : 'toCheck');
  return <ResultsMap items={items} total={total} person={person} onMore={onMore} />;
}

export interface DirectoryMapProps {
  answer: DirectoryAnswer;
  catalog: CatalogModel;
  onMore: () => void;
}

/** The Annuaire's answer as far as its list shows it. */
export function DirectoryMap({ answer, catalog, onMore }: DirectoryMapProps) {
  const snapshot = catalog.snapshot.value;
  const results = answer.state === 'ready' ? answer.results : null;
  const items = useMemo(() => (results ? directoryItems(results, catalog) : []), [results, catalog, snapshot]);
  if (answer.state !== 'ready') return null;
  return <ResultsMap items={items} total={answer.total} onMore={onMore} />;
}
