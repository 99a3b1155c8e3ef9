// The network side of sync, behind an interface so that tests script the server (offline, errors, epochs) and
// the engine never calls fetch itself. Every response is parsed with the domain schema: the server is a trust
// boundary like any other.
import { type DirectoryPage, directoryPageSchema } from '../domain/directory.ts';
import { describeProblems, parse } from '../domain/validation.ts';

export interface SyncTransport {
  getDirectoryPage(cursor: number, limit: number): Promise<DirectoryPage>;
}

/** The network is unreachable or the server did not answer: try again later, nothing is wrong with the data. */
export class OfflineError extends Error {
  override name = 'OfflineError';
}

/** The server answered, but not with what the protocol promises. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function httpTransport(baseUrl = '', fetchImpl: typeof fetch = (...args) => fetch(...args)): SyncTransport {
  return {
    async getDirectoryPage(cursor, limit) {
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/v1/directory?cursor=${cursor}&limit=${limit}`, {
          headers: { accept: 'application/json' },
        });
      } catch (error) {
        throw new OfflineError(error instanceof Error ? error.message : String(error));
      }
      if (!response.ok) throw new ProtocolError(`HTTP ${response.status}`);
      const parsed = parse(directoryPageSchema, await response.json());
      if (!parsed.ok) throw new ProtocolError(`Réponse invalide : ${describeProblems(parsed.problems.slice(0, 3))}`);
      return parsed.value;
    },
  };
}
