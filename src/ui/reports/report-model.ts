// Reports of errors on this device (« Signaler une erreur »): what the feed brought this account (its own
// reports, the reports about its structure, all of them for coordinators: server/sync/visibility.ts) and the
// reports written here and not yet sent. Writing or closing one is an ordinary offline edit (src/db/local-edits.ts:
// record and outbox entry in one transaction); the server signs, dates and stamps the closure.
import type { BoussoleDatabase } from '../../db/database.ts';
import { createRecord, editRecord } from '../../db/local-edits.ts';
import { readReports } from '../../db/report-repo.ts';
import type { Report, ReportReason } from '../../domain/report.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { shownToCoordinator, withinTerritory } from '../../domain/territory.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import type { Parsed } from '../../domain/validation.ts';
import { type LiveValue, liveValue } from '../components/live-value.ts';
import { randomId } from '../components/random-id.ts';

export interface ReportDraft {
  structureId: string;
  serviceId?: string;
  motif: ReportReason;
  commentaire: string;
}

/** Reports with the name of the listing they are about, newest first. */
export interface ReportItem {
  report: Report;
  structureNom: string;
  /** The listing's commune (INSEE), when the device holds the listing. */
  commune?: string;
  serviceNom?: string;
  pending: boolean;
}

/**
 * The server's rule (server/sync/record-kinds.ts, sync/territory-actor.ts): the partner concerned and coordinators
 * close a report — a coordinator of a territory only when the listing lies in it (`commune`, when known).
 */
export function mayClose(
  account: Account | null | undefined,
  report: Pick<Report, 'structure_id'>,
  commune?: string,
): boolean {
  if (!account) return false;
  if (account.role === 'coordinateur') return withinTerritory(account, [commune]);
  return account.role === 'partenaire' && account.structure_id === report.structure_id;
}

export function createReportModel(db: BoussoleDatabase, account: () => Account | null | undefined) {
  const me = () => account() ?? { id: 'local', nom: 'Cet appareil', role: 'travailleur' as const };

  async function list(structureId?: string): Promise<ReportItem[]> {
    const items: ReportItem[] = [];
    for (const { report, structureNom, commune, serviceNom, pending } of await readReports(db, structureId)) {
      // A coordinator of a territory: its communes' reports and those it wrote (the feed brings the Métropole's).
      if (!shownToCoordinator(account(), [commune], report.auteur.account_id)) continue;
      items.push({
        report,
        structureNom: structureNom ?? report.structure_id,
        ...(commune === undefined ? {} : { commune }),
        ...(serviceNom === undefined ? {} : { serviceNom }),
        pending,
      });
    }
    return items.sort((a, b) => b.report.signale_le.localeCompare(a.report.signale_le));
  }
  /** One live list per partner followed (and one for all), so that two screens never share a filter. */
  const lists = new Map<string, LiveValue<ReportItem[]>>();

  return {
    mayClose: (item: Pick<ReportItem, 'report' | 'commune'>) => mayClose(account(), item.report, item.commune),
    /** The reports (of one partner, or all) this account reads, newest first, current while followed. */
    reportsOf(structureId?: string): LiveValue<ReportItem[]> {
      const key = structureId ?? '';
      let live = lists.get(key);
      if (!live) {
        live = liveValue(
          () => list(structureId),
          () => [],
        );
        lists.set(key, live);
      }
      return live;
    },
    /** A new report, saved on the device and queued; the server sets its author, date and state. */
    report(draft: ReportDraft): Promise<Parsed<unknown>> {
      const { id, nom } = me();
      const now = new Date();
      const record: Report = {
        id: `boussole--sig-${randomId()}`,
        source: 'boussole',
        structure_id: draft.structureId,
        ...(draft.serviceId ? { service_id: draft.serviceId } : {}),
        motif: draft.motif,
        ...(draft.commentaire.trim() ? { commentaire: draft.commentaire.trim() } : {}),
        auteur: { account_id: id, nom },
        signale_le: now.toISOString(),
        etat: 'ouvert',
        date_maj: parisDay(now.getTime()),
        version: 1,
      };
      return createRecord(db, 'signalement', record);
    },
    /** Closes a report with an optional answer (who and when: stamped again by the server). */
    close(reportId: string, reponse: string): Promise<Parsed<unknown>> {
      const answer = reponse.trim();
      return editRecord(db, 'signalement', reportId, {
        etat: 'clos',
        cloture: { ...(answer ? { reponse: answer } : {}), par: me().nom, le: new Date().toISOString() },
      });
    },
  };
}

export type ReportModel = ReturnType<typeof createReportModel>;
