// Reports of errors on the device: what the feed brought this account and what was written here and not yet sent,
// each parsed (a row that no longer fits is left out), with the names of the listing and service it is about from
// the directory copy. Writing or closing one is an ordinary offline edit (local-edits.ts).
import { type Report, reportSchema } from '../domain/report.ts';
import { parse } from '../domain/validation.ts';
import type { BoussoleDatabase } from './database.ts';
import { storedServices, storedStructures } from './directory-repo.ts';
import { readRecords } from './record-reads.ts';
import { kindTables } from './record-tables.ts';

export interface ReportRow {
  report: Report;
  /** The listing's name and commune (INSEE), when the device holds the listing. */
  structureNom?: string;
  commune?: string;
  serviceNom?: string;
  /** Written or changed on this device, not yet acknowledged by the server. */
  pending: boolean;
}

/** The reports on the device (about one partner, or all), in storage order. */
export async function readReports(db: BoussoleDatabase, structureId?: string): Promise<ReportRow[]> {
  const rows = await db.transaction('r', kindTables(db, 'signalement'), () =>
    structureId
      ? readRecords(
          db,
          'signalement',
          (table) => table.where('structure_id').equals(structureId),
          (place) => place.structure === structureId,
        )
      : readRecords(db, 'signalement'),
  );
  const pending = new Set(
    (await db.outbox.toArray()).filter((e) => e.recordKey.startsWith('signalement:')).map((e) => e.recordKey),
  );
  const out: ReportRow[] = [];
  for (const row of rows) {
    const parsed = parse(reportSchema, row);
    if (!parsed.ok) continue;
    const report = parsed.value;
    const [structure] = await storedStructures(db, [report.structure_id]);
    const [service] = report.service_id ? await storedServices(db, [report.service_id]) : [];
    const commune = structure?.code_insee;
    out.push({
      report,
      ...(structure ? { structureNom: structure.nom } : {}),
      ...(typeof commune === 'string' ? { commune } : {}),
      ...(service ? { serviceNom: service.nom } : {}),
      pending: pending.has(`signalement:${report.id}`),
    });
  }
  return out;
}
