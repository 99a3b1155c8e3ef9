import type { ReadonlySignal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import type { Account } from '../../domain/sync-protocol.ts';
import { EXPORT_FILES, type ExportFile, interopClient } from './interop-client.ts';
import { frData } from './strings-data.ts';
import { downloadText } from '../coverage/download.ts';
import { ImportForm } from './ImportForm.tsx';

const D = frData;

export interface DataScreenProps {
  online: ReadonlySignal<boolean>;
  account: ReadonlySignal<Account | null>;
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
}

/**
 * « Données »: the directory as data·inclusion files, and the coordinators' import. Unlike the rest of
 * the app this needs the server (the export is what the server lets this account see; an import writes there), so
 * offline the screen says it and its buttons wait for the network.
 */
export function DataScreen({ online, account, getToken, fetchImpl }: DataScreenProps) {
  const client = useMemo(() => interopClient({ getToken, ...(fetchImpl ? { fetchImpl } : {}) }), [getToken, fetchImpl]);
  const [status, setStatus] = useState('');
  const isOnline = online.value;

  async function download(file: ExportFile) {
    setStatus(D.downloading);
    try {
      const text = await client.exportFile(file);
      const type = file.endsWith('.csv') ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
      downloadText(`boussole-data-inclusion-${file}`, text, type);
      setStatus('');
    } catch (error) {
      setStatus(D.downloadFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  return (
    <section aria-labelledby="data-title" class="data-screen">
      <h1 id="data-title">{D.title}</h1>
      <p>{D.intro}</p>
      {!isOnline && (
        <p id="data-offline" class="notice" role="status">
          {D.offline}
        </p>
      )}
      <section aria-labelledby="export-title">
        <h2 id="export-title">{D.exportTitle}</h2>
        <div class="actions">
          {EXPORT_FILES.map((file) => (
            <button
              key={file}
              type="button"
              class="button"
              disabled={!isOnline}
              aria-describedby={isOnline ? undefined : 'data-offline'}
              onClick={() => void download(file)}
            >
              {D.files[file]}
            </button>
          ))}
        </div>
        <p role="status" aria-live="polite">
          {status}
        </p>
      </section>
      {account.value?.role === 'coordinateur' && (
        <ImportForm online={isOnline} send={(format, files) => client.importFiles(format, files)} />
      )}
    </section>
  );
}
