// The pilot's evaluation per team and month (src/domain/evaluation.ts states each figure; the screen writes out
// its definition). Pure: the route gathers the store's anonymous facts and the directory's records, this computes.

import type { Campaign, CampaignResponse, SECTIONS } from '../../src/domain/campaign.ts';
import type { EvaluationRow } from '../../src/domain/evaluation.ts';
import type { Report } from '../../src/domain/report.ts';
import type { Structure } from '../../src/domain/structure.ts';
import { monthOfWeek } from '../../src/domain/time/iso-week.ts';
import type { ReferralFact, StoredOrientationEvent } from '../storage/orientation-event-store.ts';
import { withoutAnswer } from './orientation-cells.ts';
import { protect, SMALL_CELL } from './small-cells.ts';

export interface EvaluationInput {
  months: readonly string[];
  events: readonly StoredOrientationEvent[];
  referrals: readonly ReferralFact[];
  signalements: readonly Report[];
  /** Account id → team, for what accounts wrote (reports). */
  teams: ReadonlyMap<string, string>;
  structures: readonly Structure[];
  campagnes: readonly Campaign[];
  reponses: readonly CampaignResponse[];
}

const DAY = 86_400_000;
const METROPOLE = 'Toute la Métropole';

/** `YYYY-MM` of an ISO instant (server clock, UTC). */
const monthOf = (instant: string) => instant.slice(0, 7);

/** The first instant after the month (UTC). */
function monthEnd(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return Date.UTC(y ?? 1970, m ?? 1, 1);
}

function sixMonthsBefore(end: number): number {
  const d = new Date(end);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, 1);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The months ending with `last`, oldest first (`count` of them). */
export function monthsUpTo(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--)
    out.push(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - i, 1)).toISOString().slice(0, 7));
  return out;
}

function campaignCompletion(month: string, campagnes: readonly Campaign[], reponses: readonly CampaignResponse[]) {
  const start = `${month}-01`;
  const end = monthEnd(month);
  const endDay = new Date(end - DAY).toISOString().slice(0, 10);
  let asked = 0;
  let done = 0;
  for (const c of campagnes) {
    if (c.debut > endDay || c.fin < start) continue;
    for (const partner of c.partenaires) {
      asked++;
      const r = reponses.find((x) => x.campagne_id === c.id && x.structure_id === partner);
      const answered = c.sections.every((s) => {
        const section = r?.[s as (typeof SECTIONS)[number]];
        return section !== undefined && Date.parse(section.le) < end;
      });
      if (answered) done++;
    }
  }
  return asked === 0 ? null : Math.round((done / asked) * 100);
}

function row(
  equipeId: string | null,
  name: string,
  month: string,
  input: EvaluationInput,
  inTeam: (team: string | null) => boolean,
): EvaluationRow {
  const events = input.events.filter((e) => inTeam(e.equipe_id) && monthOfWeek(e.event.semaine) === month);
  const referrals = input.referrals.filter((r) => inTeam(r.equipe_id) && monthOf(r.envoyee_le) === month);
  const refused = referrals.filter((r) => r.statut === 'refusee');
  const motifs: Record<string, number> = {};
  for (const r of refused) if (r.motif) motifs[r.motif] = (motifs[r.motif] ?? 0) + 1;
  const delays = referrals.flatMap((r) =>
    r.repondue_le ? [(Date.parse(r.repondue_le) - Date.parse(r.envoyee_le)) / DAY] : [],
  );
  const reportTeam = (s: Report) => input.teams.get(s.auteur.account_id) ?? null;
  const reports = input.signalements.filter((s) => inTeam(reportTeam(s)));
  const end = monthEnd(month);
  const published = input.structures.filter((s) => s.statut === 'publiee');
  const metropole = equipeId === null;
  const mid = median(delays);
  return {
    equipe_id: equipeId,
    equipe: name,
    mois: month,
    orientations: protect(events.length),
    orientations_sans_reponse: protect(events.filter((e) => withoutAnswer(e.event)).length),
    fiches_envoyees: protect(referrals.length),
    fiches_acceptees: protect(referrals.filter((r) => r.statut === 'acceptee').length),
    fiches_refusees: protect(refused.length),
    motifs_refus: Object.fromEntries(Object.entries(motifs).map(([k, n]) => [k, protect(n)])),
    delai_reponse_median_jours: delays.length >= SMALL_CELL && mid !== null ? Math.round(mid * 10) / 10 : null,
    fiches_verifiees_6_mois: metropole
      ? published.filter((s) => {
          const at = s.verification ? Date.parse(s.verification.le) : Number.NaN;
          return at < end && at >= sixMonthsBefore(end);
        }).length
      : null,
    fiches_publiees: metropole ? published.length : null,
    campagnes_completion: metropole ? campaignCompletion(month, input.campagnes, input.reponses) : null,
    signalements_ouverts: reports.filter((s) => monthOf(s.signale_le) === month).length,
    signalements_clos: reports.filter((s) => s.cloture && monthOf(s.cloture.le) === month).length,
  };
}

/** The Métropole's rows first, then each team's (by name), each over `months`. */
export function evaluate(input: EvaluationInput): EvaluationRow[] {
  const names = new Map(input.structures.map((s) => [s.id, s.nom]));
  const teamIds = new Set<string>();
  for (const e of input.events) if (e.equipe_id) teamIds.add(e.equipe_id);
  for (const r of input.referrals) if (r.equipe_id) teamIds.add(r.equipe_id);
  for (const team of input.teams.values()) teamIds.add(team);
  const teams = [...teamIds]
    .map((id) => ({ id, name: names.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const rows: EvaluationRow[] = [];
  for (const month of input.months) rows.push(row(null, METROPOLE, month, input, () => true));
  for (const team of teams) {
    for (const month of input.months) rows.push(row(team.id, team.name, month, input, (t) => t === team.id));
  }
  return rows;
}
