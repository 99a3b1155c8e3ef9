// The data·inclusion export and the imports over HTTP, thin routes over the same functions as the admin
// commands (interop/export-directory.ts, interop/import-directory.ts): one implementation, two doors.
//
// - GET /export/data-inclusion/{structures|services}.{json|csv}: what the reader may see in the app, no more —
//   anonymous: public listings; coordinators: everything; workers: everything but others' unpublished proposals;
//   a partner: the public listings plus its own structure and services (sync/visibility.ts). A partner is not a
//   professional: "all" would hand it the professionals-only listings the feed withholds from it.
// - POST /import: coordinators only (an import rewrites listings of every partner). The body is JSON
//   `{ protocol, format, files: [{ name, content }] }`; the answer is the command's report as JSON. The store
//   writes the valid records in one transaction, attributed to the coordinator's account in history.
// Logs name the account and the counts, never a file's content.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { dataInclusionFile, type ExportFile, type ExportStore } from '../interop/export-directory.ts';
import type { ImportStore } from '../interop/import-directory.ts';
import {
  type ImportReport,
  importBoussole2019,
  importDataInclusion,
  UnreadableFileError,
} from '../interop/import-directory.ts';
import { describeError, type Logger } from '../logger.ts';
import { readerOf } from '../sync/visibility.ts';
import { emptyQuerySchema } from './api-schemas.ts';
import type { SessionStore } from './auth.ts';
import { optionalSession, requireSession } from './auth.ts';
import { limitBody, MIB, readBody } from './body.ts';
import type { AppEnv, Clock } from './env.ts';
import { forbidden } from './errors.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest, parseQuery } from './query.ts';

/** What the import and export routes use of the store. */
export type InteropRoutesStore = SessionStore & ExportStore & ImportStore;

/** The whole Métropole's directory as data·inclusion JSON is ≈2 MB; the 2019 CSV 35 kB. Room for growth. */
export const IMPORT_BODY_LIMIT = 8 * MIB;

export const IMPORT_FORMATS = ['data-inclusion', 'boussole-2019'] as const;

const importBodySchema = z.object({
  protocol: z.number(),
  format: z.enum(IMPORT_FORMATS),
  files: z
    .array(
      z.object({
        /** Decides the file type for data·inclusion (`.csv`, else JSON), and names rows in the report. */
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        content: z.string(),
      }),
    )
    .check(z.minLength(1), z.maxLength(4)),
});

/** The answer of POST /import. */
export interface ImportAnswer {
  protocol: number;
  format: (typeof IMPORT_FORMATS)[number];
  report: ImportReport;
}

export function createInteropRoutes(store: InteropRoutesStore, logger: Logger, clock: Clock): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(
    '/export/data-inclusion/:file{(structures|services)\\.(json|csv)}',
    optionalSession(store, clock),
    async (c) => {
      const query = parseQuery(c, emptyQuerySchema);
      if (!query.ok) return invalidRequest(c, query.problems);
      const file = c.req.param('file') as ExportFile;
      // Sent as it is read (export-directory.ts): the status and headers leave first, so a failure midway can
      // only cut the answer short — logged, and the client sees an incomplete file, never a partial one as whole.
      const chunks = dataInclusionFile(store, readerOf(c.get('session')?.account), file);
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const next = await chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          } catch (error) {
            logger.error({ event: 'export_failed', file, error: describeError(error) });
            controller.error(error);
          }
        },
        async cancel() {
          await chunks.return(undefined);
        },
      });
      c.header('Content-Type', file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${file}"`);
      // The content depends on who asks (the token): no shared cache may keep it.
      c.header('Cache-Control', 'private, no-store');
      return c.body(body);
    },
  );

  routes.post('/import', limitBody(IMPORT_BODY_LIMIT), requireSession(store, clock), async (c) => {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    if (account.role !== 'coordinateur') {
      return forbidden(
        c,
        'Seule la coordination importe des fiches : un import modifie les fiches de tous les partenaires.',
      );
    }
    const body = await readBody(c, importBodySchema);
    if (!body.ok) return body.response;
    const { format, files } = body.value;
    if (format === 'boussole-2019' && files.length > 1) {
      return invalidRequest(c, [{ path: 'files', message: 'boussole-2019 : un seul fichier' }]);
    }
    const context = { store, author: account.id, now: clock() };
    let report: ImportReport;
    try {
      report =
        format === 'boussole-2019'
          ? await importBoussole2019(context, files[0]?.content ?? '')
          : await importDataInclusion(
              context,
              files.map((f) => ({ name: f.name, text: f.content })),
            );
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      return invalidRequest(c, [{ path: 'files', message: error.message }]);
    }
    logger.info({
      event: 'import',
      account_id: account.id,
      format,
      read: report.lus,
      created: report.creees,
      updated: report.modifiees,
      rejected: report.rejetees.length,
    });
    const answer: ImportAnswer = { protocol: answerProtocol(c, body.value.protocol), format, report };
    return c.json(answer);
  });

  return routes;
}
