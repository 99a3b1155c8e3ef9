// The referral endpoints over fetch, typed failures as the directory's transport (transport.ts): offline, 5xx and
// timeouts are OfflineError (retry later), 401 UnauthenticatedError, 426 OutdatedClientError, any other 4xx a
// RequestRefusedError carrying the server's French message (which never quotes the referral). Every answer is
// parsed: only a parsed acknowledgement counts.
import type * as z from 'zod/mini';
import { apiErrorSchema } from '../domain/api-error.ts';
import { type NotificationChange, notificationSettingsSchema } from '../domain/notifications.ts';
import { PROTOCOL_VERSION } from '../domain/protocol-version.ts';
import {
  type ReferralDraft,
  referralAnswerSchema,
  referralPageSchema,
  referralStatsSchema,
  type StatusChange,
} from '../domain/referral.ts';
import { describeProblems, parse } from '../domain/validation.ts';
import type { ReferralTransport } from './referral-sync.ts';
import {
  OfflineError,
  OutdatedClientError,
  ProtocolError,
  RequestRefusedError,
  UnauthenticatedError,
} from './transport.ts';

export interface ApiRequestOptions {
  getToken: () => string | null;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A JSON request to an endpoint of its own (referrals, orientation events), with the session's token and the
 * protocol, failures typed as above, and the answer parsed with `schema`: GET without a body, POST with one.
 */
export function apiRequester(options: ApiRequestOptions) {
  const { baseUrl = '', getToken, timeoutMs = 30_000 } = options;
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    body?: unknown,
    method = body === undefined ? 'GET' : 'POST',
  ): Promise<z.infer<S>> {
    const headers = new Headers({ accept: 'application/json', 'x-boussole-protocol': String(PROTOCOL_VERSION) });
    const token = getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify({ protocol: PROTOCOL_VERSION, ...body }) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new OfflineError(error instanceof Error ? error.message : String(error));
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      if (response.status >= 500) throw new OfflineError(`HTTP ${response.status}`);
      throw new ProtocolError(`Réponse illisible (HTTP ${response.status})`);
    }
    if (!response.ok) {
      const error = parse(apiErrorSchema, json);
      const message = error.ok ? error.value.error.message : `HTTP ${response.status}`;
      if (response.status === 401) {
        throw new UnauthenticatedError(message, error.ok && error.value.error.code === 'device_revoked');
      }
      if (response.status === 426) throw new OutdatedClientError(message);
      if (response.status >= 500 || response.status === 408 || response.status === 429) throw new OfflineError(message);
      throw new RequestRefusedError(message);
    }
    const parsed = parse(schema, json);
    if (!parsed.ok) throw new ProtocolError(`Réponse invalide : ${describeProblems(parsed.problems.slice(0, 3))}`);
    return parsed.value as z.infer<S>;
  }
  return request;
}

export function referralHttpTransport(options: ApiRequestOptions) {
  const request = apiRequester(options);
  return {
    send: async (draft: ReferralDraft) =>
      (await request(referralAnswerSchema, '/api/v1/referrals', { referral: draft })).referral,
    changeStatus: async (referralId: string, change: StatusChange) =>
      (await request(referralAnswerSchema, `/api/v1/referrals/${encodeURIComponent(referralId)}/status`, { change }))
        .referral,
    page: (cursor: number, limit: number) =>
      request(referralPageSchema, `/api/v1/referrals?cursor=${cursor}&limit=${limit}`),
    /** Coordinators: anonymous counts, asked when the screen opens (online only). */
    stats: () => request(referralStatsSchema, '/api/v1/referrals/stats'),
    /** The account's e-mail notifications (online only): whether the server mails, the address, how often. */
    notifications: () => request(notificationSettingsSchema, '/api/v1/notifications'),
    setNotifications: (change: NotificationChange) =>
      request(notificationSettingsSchema, '/api/v1/notifications', change, 'PUT'),
  } satisfies ReferralTransport & Record<string, unknown>;
}
