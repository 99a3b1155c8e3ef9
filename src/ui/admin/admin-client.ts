// The « Administration » screen's calls to /api/v1/admin (coordinators, online only). Every answer is parsed with
// the domain schemas (src/domain/admin.ts); a refusal becomes an Error carrying the server's French message.
import * as z from 'zod/mini';
import {
  accountSummarySchema,
  accountsResponseSchema,
  auditResponseSchema,
  claimsResponseSchema,
  type InvitationRequest,
  invitationAnswerSchema,
} from '../../domain/admin.ts';
import { apiErrorSchema } from '../../domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../domain/protocol-version.ts';
import { parse } from '../../domain/validation.ts';

export interface AdminClientOptions {
  getToken: () => string | null;
  fetchImpl?: typeof fetch;
}

const compteAnswerSchema = z.object({ compte: accountSummarySchema });

export function adminClient({ getToken, fetchImpl = (...a) => fetch(...a) }: AdminClientOptions) {
  async function call<S extends z.ZodMiniType>(path: string, schema: S, body?: object): Promise<z.infer<S>> {
    const headers = new Headers({ 'x-boussole-protocol': String(PROTOCOL_VERSION) });
    const token = getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    const init: RequestInit = { headers };
    if (body !== undefined) {
      headers.set('content-type', 'application/json');
      init.method = 'POST';
      init.body = JSON.stringify({ protocol: PROTOCOL_VERSION, ...body });
    }
    const response = await fetchImpl(`/api/v1${path}`, init);
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = parse(apiErrorSchema, json);
      const problem = error.ok ? error.value.error.problems?.[0]?.message : undefined;
      throw new Error(problem ?? (error.ok ? error.value.error.message : `HTTP ${response.status}`));
    }
    const parsed = parse(schema, json);
    if (!parsed.ok) throw new Error('Réponse du serveur illisible');
    return parsed.value;
  }
  const enc = encodeURIComponent;
  return {
    accounts: () => call('/admin/accounts', accountsResponseSchema).then((r) => r.comptes),
    audit: () => call('/admin/audit', auditResponseSchema).then((r) => r.journal),
    claims: () => call('/admin/claims', claimsResponseSchema).then((r) => r.demandes),
    invite: (request: Omit<InvitationRequest, 'protocol'>) =>
      call('/admin/invitations', invitationAnswerSchema, request),
    reissue: (id: string) => call(`/admin/accounts/${enc(id)}/invitation`, invitationAnswerSchema, {}),
    setDisabled: (id: string, disabled: boolean) =>
      call(`/admin/accounts/${enc(id)}/${disabled ? 'disable' : 'enable'}`, compteAnswerSchema, {}),
    revokeDevice: (clientId: string) => call(`/admin/devices/${enc(clientId)}/revoke`, compteAnswerSchema, {}),
    acceptClaim: (id: string) => call(`/admin/claims/${enc(id)}/accept`, invitationAnswerSchema, {}),
    refuseClaim: (id: string) => call(`/admin/claims/${enc(id)}/refuse`, z.object({}), {}),
  };
}

export type AdminClient = ReturnType<typeof adminClient>;
