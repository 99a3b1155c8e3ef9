import { useEffect, useRef } from 'preact/hooks';
import type { ImportReportView } from './interop-client.ts';
import { frData } from './strings-data.ts';

const D = frData;

/**
 * The import's report, as the command prints it: counts, then one table row per problem of a rejected line (line,
 * field, reason). Its heading takes the focus when it appears, so that a screen reader reads the outcome at once.
 */
export function ImportReport({ report }: { report: ImportReportView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const imported = report.creees + report.modifiees + report.inchangees;
  const rows = report.rejetees.flatMap((r) =>
    (r.problems.length > 0 ? r.problems : [{ path: '', message: '' }]).map((p) => ({ position: r.position, ...p })),
  );
  return (
    <section aria-labelledby="import-report-title" class="import-report">
      <h2 id="import-report-title" tabIndex={-1} ref={heading}>
        {D.reportTitle}
      </h2>
      <ul>
        <li>{D.read(report.lus)}</li>
        <li>{D.imported(imported, report.creees, report.modifiees, report.inchangees)}</li>
        {report.supprimees > 0 && <li>{D.deleted(report.supprimees)}</li>}
        {report.horairesConverties !== undefined && <li>{D.hoursConverted(report.horairesConverties)}</li>}
        <li>{D.hoursToCheck(report.horairesAVerifier)}</li>
        {report.sansHoraires !== undefined && <li>{D.noHours(report.sansHoraires)}</li>}
        <li>{D.rejected(report.rejetees.length)}</li>
      </ul>
      {imported === 0 && <p class="notice">{D.nothingImported}</p>}
      {rows.length > 0 && (
        <table>
          <caption>{D.rejectedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{D.colLine}</th>
              <th scope="col">{D.colField}</th>
              <th scope="col">{D.colReason}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // Keyed by index: the rows never move, and one line may have several problems.
              <tr key={i}>
                <td>{row.position}</td>
                <td>{row.path === '' ? D.wholeRecord : row.path}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
