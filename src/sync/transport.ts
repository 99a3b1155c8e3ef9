// The network side of sync, behind an interface so that tests script the server (offline, errors, lost answers,
// epochs) and the engine never calls fetch itself. Every response is parsed with the domain schemas: only a
// parsed acknowledgement counts. Failures are typed so the engine knows whether to retry, ask the person to sign
// in again, or to update the app — in every case the outbox is kept.

import type * as z from 'zod/mini';
import { apiErrorSchema } from '../domain/api-error.ts';
import { type DirectoryPage, directoryEnvelopeSchema, PROTOCOL_VERSION } from '../domain/directory.ts';
import {
  demoCodesSchema,
  type Mutation,
  type PushResponse,
  pushResponseSchema,
  type SignInResponse,
  signInResponseSchema,
} from '../domain/sync-protocol.ts';
import { describeProblems, parse } from '../domain/validation.ts';
import { checkFeedEntries } from './feed-entries.ts';
import {
  MutationGapError,
  OfflineError,
  OutdatedClientError,
  PayloadTooLargeError,
  ProtocolError,
  RequestRefusedError,
  UnauthenticatedError,
} from './transport-errors.ts';

/** A feed page, with its JSON as received when the transport keeps it (the device stores large pages as they came). */
export type ReceivedPage = DirectoryPage & { body?: ArrayBuffer };

export interface SyncTransport {
  getDirectoryPage(cursor: number, limit: number): Promise<ReceivedPage>;
  push(clientId: string, mutations: readonly Mutation[]): Promise<PushResponse>;
}

export interface HttpTransportOptions {
  baseUrl?: string;
  getToken?: () => string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export function httpTransport(options: HttpTransportOptions = {}) {
  const { baseUrl = '', getToken = () => null, timeoutMs = 30_000 } = options;
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  /** The answer's JSON and its bytes as received, once the status says it is an answer (else a typed error). */
  async function exchange(path: string, init: RequestInit = {}): Promise<{ body: unknown; bytes: ArrayBuffer }> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    headers.set('x-boussole-protocol', String(PROTOCOL_VERSION));
    const token = getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (init.body) headers.set('content-type', 'application/json');
    let response: Response;
    let bytes: ArrayBuffer;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
      bytes = await response.arrayBuffer();
    } catch (error) {
      throw new OfflineError(error instanceof Error ? error.message : String(error));
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      if (response.status >= 500) throw new OfflineError(`HTTP ${response.status}`);
      if (response.status === 413)
        throw new PayloadTooLargeError('Le serveur refuse un envoi de cette taille (HTTP 413)');
      throw new ProtocolError(`Réponse illisible (HTTP ${response.status})`);
    }
    if (!response.ok) throw errorFor(response.status, body);
    return { body, bytes };
  }

  async function request<S extends z.ZodMiniType>(schema: S, path: string, init: RequestInit = {}) {
    const { body } = await exchange(path, init);
    const parsed = parse(schema, body);
    if (!parsed.ok) throw new ProtocolError(`Réponse invalide : ${describeProblems(parsed.problems.slice(0, 3))}`);
    return parsed.value as z.infer<S>;
  }

  return {
    async getDirectoryPage(cursor: number, limit: number): Promise<ReceivedPage> {
      const { body, bytes } = await exchange(`/api/v1/directory?cursor=${cursor}&limit=${limit}`);
      const envelope = parse(directoryEnvelopeSchema, body);
      if (!envelope.ok) {
        throw new ProtocolError(`Réponse invalide : ${describeProblems(envelope.problems.slice(0, 3))}`);
      }
      return { ...envelope.value, entries: checkFeedEntries(envelope.value.entries), body: bytes };
    },
    push: (clientId: string, mutations: readonly Mutation[]) =>
      request(pushResponseSchema, '/api/v1/push', {
        method: 'POST',
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId, mutations }),
      }),
    signIn: (code: string, appareil: string): Promise<SignInResponse> =>
      request(signInResponseSchema, '/api/v1/session', {
        method: 'POST',
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, appareil }),
      }),
    async signOut(): Promise<void> {
      try {
        await fetchImpl(`${baseUrl}/api/v1/session`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${getToken() ?? ''}`, 'x-boussole-protocol': String(PROTOCOL_VERSION) },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        // Offline sign-out still forgets the token on the device; the coordinator can revoke it server-side.
      }
    },
    demoCodes: () => request(demoCodesSchema, '/api/v1/demo'),
  };
}

export type HttpTransport = ReturnType<typeof httpTransport>;

function errorFor(status: number, body: unknown): Error {
  const parsed = parse(apiErrorSchema, body);
  const message = parsed.ok ? parsed.value.error.message : `HTTP ${status}`;
  if (status === 401) {
    return new UnauthenticatedError(message, parsed.ok && parsed.value.error.code === 'device_revoked');
  }
  if (status === 426) return new OutdatedClientError(message);
  if (status === 413) return new PayloadTooLargeError(message);
  if (status >= 500 || status === 408 || status === 429) return new OfflineError(message);
  if (status === 409 && parsed.ok && parsed.value.error.code === 'mutation_gap') {
    const expected = (body as { error?: { expected?: unknown } }).error?.expected;
    return new MutationGapError(typeof expected === 'number' ? expected : null);
  }
  return new RequestRefusedError(message);
}
