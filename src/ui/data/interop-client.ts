// The « Données » screen's two requests, over fetch: an export file (GET, with the token when signed in,
// so professionals get their listings) and an import (POST, coordinators). Answers are parsed like every answer;
// a refusal carries the server's French message. Loaded with that screen's chunk only.
import * as z from 'zod/mini';
import { apiErrorSchema } from '../../domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../domain/protocol-version.ts';
import { parse } from '../../domain/validation.ts';

export const EXPORT_FILES = ['structures.json', 'structures.csv', 'services.json', 'services.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
export type ImportFormat = 'data-inclusion' | 'boussole-2019';

/** The server's limit (server/http/interop-routes.ts): checked before sending, to say it without a round trip. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

const problemSchema = z.object({ path: z.string(), message: z.string() });
export const importReportSchema = z.object({
  lus: z.number(),
  creees: z.number(),
  modifiees: z.number(),
  inchangees: z.number(),
  supprimees: z.number(),
  horairesAVerifier: z.number(),
  horairesConverties: z.optional(z.number()),
  sansHoraires: z.optional(z.number()),
  rejetees: z.array(
    z.object({ position: z.string(), kind: z.string(), id: z.optional(z.string()), problems: z.array(problemSchema) }),
  ),
});
export type ImportReportView = z.infer<typeof importReportSchema>;
const importAnswerSchema = z.object({ report: importReportSchema });

export interface InteropClientOptions {
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
}

async function failure(response: Response): Promise<Error> {
  const body = await response.json().catch(() => null);
  const error = parse(apiErrorSchema, body);
  return new Error(error.ok ? error.value.error.message : `HTTP ${response.status}`);
}

export function interopClient({ getToken, fetchImpl = (...a) => fetch(...a) }: InteropClientOptions) {
  const headers = (json: boolean) => {
    const h = new Headers({ 'x-boussole-protocol': String(PROTOCOL_VERSION) });
    const token = getToken();
    if (token) h.set('authorization', `Bearer ${token}`);
    if (json) h.set('content-type', 'application/json');
    return h;
  };
  return {
    /** The file's text, as the server made it for this account. */
    async exportFile(file: ExportFile): Promise<string> {
      const response = await fetchImpl(`/api/v1/export/data-inclusion/${file}`, { headers: headers(false) });
      if (!response.ok) throw await failure(response);
      return response.text();
    },
    async importFiles(
      format: ImportFormat,
      files: Array<{ name: string; content: string }>,
    ): Promise<ImportReportView> {
      const response = await fetchImpl('/api/v1/import', {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, format, files }),
      });
      if (!response.ok) throw await failure(response);
      const answer = parse(importAnswerSchema, await response.json());
      if (!answer.ok) throw new Error('Réponse du serveur illisible');
      return answer.value.report;
    },
  };
}
