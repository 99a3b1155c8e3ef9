import { useState } from 'preact/hooks';
import { IMPORT_MAX_BYTES, type ImportFormat, type ImportReportView } from './interop-client.ts';
import { frData } from './strings-data.ts';
import { ImportReport } from './ImportReport.tsx';

const D = frData;

type Send = (format: ImportFormat, files: Array<{ name: string; content: string }>) => Promise<ImportReportView>;

/** The coordinators' import form: files, format, submit; the report (or the refusal) below it. */
export function ImportForm({ online, send }: { online: boolean; send: Send }) {
  const [format, setFormat] = useState<ImportFormat>('data-inclusion');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [report, setReport] = useState<ImportReportView | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setReport(null);
    if (files.length === 0) return setMessage(D.noFile);
    if (files.reduce((n, f) => n + f.size, 0) > IMPORT_MAX_BYTES) return setMessage(D.tooLarge);
    setBusy(true);
    setMessage(D.importing);
    try {
      const contents = await Promise.all(files.map(async (f) => ({ name: f.name, content: await f.text() })));
      setReport(await send(format, contents));
      setMessage('');
    } catch (error) {
      setMessage(D.importFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{D.importTitle}</h2>
      <p>{D.importIntro}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="import-format">{D.formatLabel}</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}>
            {(Object.keys(D.formats) as ImportFormat[]).map((f) => (
              <option key={f} value={f}>
                {D.formats[f]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="import-files">{D.fileLabel}</label>
          <input
            id="import-files"
            type="file"
            multiple={format === 'data-inclusion'}
            accept=".json,.csv,application/json,text/csv"
            aria-describedby="import-files-hint"
            onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
          />
          <p id="import-files-hint" class="hint">
            {D.fileHint}
          </p>
        </div>
        <button type="submit" class="button primary" disabled={busy || !online}>
          {D.submit}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {message}
      </p>
      {report && <ImportReport report={report} />}
    </section>
  );
}
