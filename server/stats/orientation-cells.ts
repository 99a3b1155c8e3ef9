// « Demandes sans réponse »: orientations per commune (or QPV), need and month, and how many of them found no
// eligible service. Built from the anonymous events (src/domain/orientation-event.ts) only; every count is
// protected (small-cells.ts) after aggregation, never before, so that no total is a sum of hidden figures.

import type { OrientationEvent } from '../../src/domain/orientation-event.ts';
import { monthOfWeek } from '../../src/domain/time/iso-week.ts';
import { inTerritory, type Protected, protect, type Territory } from './small-cells.ts';

/** Lyon as a whole, besides its arrondissements (69381…69389), as the coverage screen shows it. */
const LYON = '69123';
const isLyonArrondissement = (code: string) => /^6938[1-9]$/.test(code);

export type Level = 'commune' | 'qpv';

export interface OrientationCell {
  /** Commune or arrondissement (INSEE code); null when the worker did not give one. */
  commune: string | null;
  /** Level `qpv` only: the QPV (null for orientations outside any QPV given). */
  qpv?: string | null;
  need: string;
  /** `YYYY-MM`, the month of the event's ISO week (its Thursday). */
  month: string;
  orientations: Protected;
  sans_reponse: Protected;
}

interface Tally {
  commune: string | null;
  qpv: string | null;
  need: string;
  month: string;
  orientations: number;
  sans_reponse: number;
}

/** An orientation found no answer when no service was eligible (« à vérifier » ones are not an answer yet). */
export const withoutAnswer = (event: Pick<OrientationEvent, 'resultats'>) => event.resultats.eligibles === 0;

export function orientationCells(
  events: readonly OrientationEvent[],
  options: { level?: Level; territory?: Territory; month?: string } = {},
): OrientationCell[] {
  const level = options.level ?? 'commune';
  const tallies = new Map<string, Tally>();
  const add = (commune: string | null, qpv: string | null, need: string, month: string, none: boolean) => {
    const key = `${commune}|${qpv}|${need}|${month}`;
    const tally = tallies.get(key) ?? { commune, qpv, need, month, orientations: 0, sans_reponse: 0 };
    tally.orientations++;
    if (none) tally.sans_reponse++;
    tallies.set(key, tally);
  };
  for (const event of events) {
    const commune = event.commune ?? null;
    if (!inTerritory(options.territory ?? null, commune)) continue;
    const month = monthOfWeek(event.semaine);
    if (options.month !== undefined && month !== options.month) continue;
    const qpv = level === 'qpv' ? (event.qpv ?? null) : null;
    const none = withoutAnswer(event);
    for (const need of event.besoins) {
      add(commune, qpv, need, month, none);
      if (level === 'commune' && commune !== null && isLyonArrondissement(commune)) add(LYON, null, need, month, none);
    }
  }
  return [...tallies.values()]
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        String(a.commune).localeCompare(String(b.commune)) ||
        String(a.qpv).localeCompare(String(b.qpv)) ||
        a.need.localeCompare(b.need),
    )
    .map((t) => ({
      commune: t.commune,
      ...(level === 'qpv' ? { qpv: t.qpv } : {}),
      need: t.need,
      month: t.month,
      orientations: protect(t.orientations),
      sans_reponse: protect(t.sans_reponse),
    }));
}
