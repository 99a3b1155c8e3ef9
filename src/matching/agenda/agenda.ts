// The agenda: every occurrence of the programme between two instants, with its place resolved, filtered
// by commune (Lyon gathers its arrondissements) and kind, in time order. Pure; the device computes it from what it
// holds, so the agenda works offline.
import type { Action, TypeAction } from '../../domain/action.ts';
import { type Occurrence, occurrencesBetween } from '../../domain/agenda/occurrences.ts';
import { type ActionPlace, placeOf } from '../../domain/agenda/place.ts';
import { zoneCovers } from '../../domain/communes.ts';
import type { Structure } from '../../domain/structure.ts';
import { addDays, DAY_MS, instantOf, parisDay, wallOfDay, weekdayOf } from '../../domain/time/paris-time.ts';

export interface AgendaItem {
  action: Action;
  occurrence: Occurrence;
  place: ActionPlace | undefined;
}

export interface AgendaFilters {
  code_insee?: string;
  type?: TypeAction;
  /** Only the actions this structure organises or hosts (a partner's sheet). */
  structure_id?: string;
}

export function agendaBetween(
  actions: readonly Action[],
  structureOf: (id: string) => Structure | undefined,
  from: number,
  to: number,
  filters: AgendaFilters = {},
): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const action of actions) {
    if (filters.type !== undefined && action.type !== filters.type) continue;
    const { structure_id: partner } = filters;
    if (
      partner !== undefined &&
      !action.organisateurs.includes(partner) &&
      !(action.lieu.type === 'structure' && action.lieu.structure_id === partner)
    ) {
      continue;
    }
    const place = placeOf(action, structureOf);
    if (filters.code_insee !== undefined) {
      if (place?.code_insee === undefined || !zoneCovers(filters.code_insee, place.code_insee)) continue;
    }
    for (const occurrence of occurrencesBetween(action.calendrier, from, to)) items.push({ action, occurrence, place });
  }
  return items.sort(
    (a, b) => a.occurrence.start - b.occurrence.start || a.action.titre.localeCompare(b.action.titre, 'fr'),
  );
}

export type Period = 'semaine' | 'mois';

/** From now to the end of this Paris week (Sunday night) or month. */
export function periodWindow(period: Period, now: number): { from: number; to: number } {
  const today = parisDay(now);
  const firstOfNextMonth = `${addDays(`${today.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const lastDay = period === 'semaine' ? addDays(today, 6 - weekdayOf(today)) : addDays(firstOfNextMonth, -1);
  return { from: now, to: instantOf(wallOfDay(lastDay) + DAY_MS) };
}
