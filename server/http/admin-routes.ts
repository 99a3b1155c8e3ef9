// /api/v1/admin/…: the « Administration » screen's actions, coordinators only and within their territory (the
// rules are in admin/admin-actions.ts, shared with `npm run admin`), and /api/v1/claims, where anyone asks for the
// partner account of a listing (« Je gère ce lieu »). Logs name the acting account and the action, never a name,
// a code or a contact.
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import {
  type AccountSummary,
  type Claim,
  claimRequestSchema,
  invitationRequestSchema,
} from '../../src/domain/admin.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import type { AdminActionsStore } from '../admin/admin-actions.ts';
import {
  claimsFor,
  decideClaim,
  type InvitationNotifier,
  type Invited,
  inviteAccount,
  type Outcome,
  reissueInvitation,
  revokeDevice,
  setDisabled,
  visibleAccounts,
  visibleAudit,
} from '../admin/admin-actions.ts';
import type { Logger } from '../logger.ts';
import type { AccountRecord, StoredClaim } from '../storage/admin-store.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { SERVER_READER } from '../sync/visibility.ts';
import type { SessionStore } from './auth.ts';
import { requireSession } from './auth.ts';
import { KIB, limitBody, readBody } from './body.ts';
import { claimLimiter } from './claim-limits.ts';
import type { AppEnv, Clock } from './env.ts';
import { apiError, forbidden } from './errors.ts';
import { answerProtocol } from './protocol.ts';
import { invalidRequest } from './query.ts';

/** What the administration routes use of the store. */
export type AdminRoutesStore = SessionStore &
  AdminActionsStore &
  Pick<DirectoryStore, 'createClaim' | 'getStructure' | 'revokeDevice'>;

const ADMIN_BODY_LIMIT = 16 * KIB;
const AUDIT_LINES = 200;

export function accountSummary(record: AccountRecord): AccountSummary {
  const seen = record.devices.map((d) => d.last_seen_at).sort();
  return {
    id: record.account.id,
    nom: record.account.nom,
    role: record.account.role,
    ...(record.account.structure_id === undefined ? {} : { structure_id: record.account.structure_id }),
    ...(record.account.equipe_id === undefined ? {} : { equipe_id: record.account.equipe_id }),
    ...(record.account.communes === undefined ? {} : { communes: record.account.communes }),
    etat: record.disabled_at !== null ? 'desactive' : record.devices.length > 0 ? 'actif' : 'invite',
    cree_le: record.created_at,
    derniere_synchro: seen.at(-1) ?? null,
    appareils: record.devices.map((d) => ({
      client_id: d.client_id,
      label: d.label,
      cree_le: d.created_at,
      vu_le: d.last_seen_at,
      revoque_le: d.revoked_at,
    })),
  };
}

function claimOf(claim: StoredClaim, structure_nom: string): Claim {
  return {
    id: claim.id,
    structure_id: claim.structure_id,
    structure_nom,
    nom: claim.nom,
    contact: claim.contact,
    etat: claim.etat,
    cree_le: claim.created_at,
  };
}

export function createAdminRoutes(
  store: AdminRoutesStore,
  logger: Logger,
  clock: Clock,
  notify?: InvitationNotifier,
  behindProxy = false,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const claimLimits = claimLimiter({ clock, behindProxy });
  const signedIn = requireSession(store, clock);

  /** The coordinator acting, or a 403 answer for anyone else. */
  function coordinator(c: Context<AppEnv>): Account | Response {
    const account = c.get('session')?.account;
    if (!account) throw new Error('requireSession sans session');
    if (account.role !== 'coordinateur') return forbidden(c, 'L’administration est réservée à la coordination.');
    return account;
  }

  function refused(c: Context<AppEnv>, outcome: Exclude<Outcome<unknown>, { ok: true }>) {
    if (outcome.status === 400) return invalidRequest(c, outcome.problems ?? [{ path: '', message: outcome.message }]);
    const code = { 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[outcome.status];
    return apiError(c, outcome.status, code, outcome.message, outcome.problems);
  }

  function invitedAnswer(c: Context<AppEnv>, invited: Invited) {
    return {
      protocol: answerProtocol(c),
      code: invited.code,
      expire_le: invited.expires_at,
      compte: accountSummary(invited.record),
      courriel_envoye: invited.emailed,
    };
  }

  routes.use('/admin/*', signedIn);

  routes.get('/admin/accounts', async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const comptes = (await visibleAccounts(store, actor)).map(accountSummary);
    return c.json({ protocol: answerProtocol(c), comptes });
  });

  routes.post('/admin/invitations', limitBody(ADMIN_BODY_LIMIT), async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const body = await readBody(c, invitationRequestSchema, {
      prepare: (raw) => {
        if (typeof raw.nom === 'string') raw.nom = raw.nom.trim();
      },
    });
    if (!body.ok) return body.response;
    const { protocol: _p, ...input } = body.value;
    const outcome = await inviteAccount(store, actor, input, clock(), notify);
    if (!outcome.ok) return refused(c, outcome);
    logger.info({ event: 'admin_invitation', account_id: actor.id, role: input.role });
    return c.json(invitedAnswer(c, outcome.value), 201);
  });

  routes.post('/admin/accounts/:id/invitation', async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const outcome = await reissueInvitation(store, actor, c.req.param('id'), clock(), notify);
    if (!outcome.ok) return refused(c, outcome);
    logger.info({ event: 'admin_reissue', account_id: actor.id });
    return c.json(invitedAnswer(c, outcome.value), 201);
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    routes.post(`/admin/accounts/:id/${action}`, async (c) => {
      const actor = coordinator(c);
      if (actor instanceof Response) return actor;
      const outcome = await setDisabled(store, actor, c.req.param('id'), disabled, clock());
      if (!outcome.ok) return refused(c, outcome);
      logger.info({ event: disabled ? 'admin_disable' : 'admin_enable', account_id: actor.id });
      return c.json({ protocol: answerProtocol(c), compte: accountSummary(outcome.value) });
    });
  }

  routes.post('/admin/devices/:clientId/revoke', async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const outcome = await revokeDevice(store, actor, c.req.param('clientId'), clock());
    if (!outcome.ok) return refused(c, outcome);
    logger.info({ event: 'admin_revoke_device', account_id: actor.id });
    return c.json({ protocol: answerProtocol(c), compte: accountSummary(outcome.value) });
  });

  routes.get('/admin/audit', async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const journal = (await visibleAudit(store, actor, AUDIT_LINES)).map((l) => ({
      seq: l.seq,
      le: l.at,
      acteur: l.actor_nom,
      action: l.action,
      cible: l.cible,
    }));
    return c.json({ protocol: answerProtocol(c), journal });
  });

  routes.get('/admin/claims', async (c) => {
    const actor = coordinator(c);
    if (actor instanceof Response) return actor;
    const demandes = (await claimsFor(store, actor)).map(({ claim, structure_nom }) => claimOf(claim, structure_nom));
    return c.json({ protocol: answerProtocol(c), demandes });
  });

  for (const [action, accept] of [
    ['accept', true],
    ['refuse', false],
  ] as const) {
    routes.post(`/admin/claims/:id/${action}`, async (c) => {
      const actor = coordinator(c);
      if (actor instanceof Response) return actor;
      const outcome = await decideClaim(store, actor, c.req.param('id'), accept, clock());
      if (!outcome.ok) return refused(c, outcome);
      logger.info({ event: accept ? 'admin_claim_accepted' : 'admin_claim_refused', account_id: actor.id });
      const invited = outcome.value.invited;
      return invited ? c.json(invitedAnswer(c, invited), 201) : c.json({ protocol: answerProtocol(c) });
    });
  }

  // « Je gère ce lieu »: open to anyone using the directory (a partner has no account yet); the coordination
  // checks the person before accepting. Only a published listing can be claimed.
  routes.post('/claims', limitBody(ADMIN_BODY_LIMIT), async (c) => {
    // Counted before validation (a flood of malformed claims counts too); the body is read even when refused, so
    // the keep-alive connection stays usable.
    const waitAddress = claimLimits.address(c);
    const body = await readBody(c, claimRequestSchema, {
      prepare: (raw) => {
        for (const key of ['nom', 'contact']) if (typeof raw[key] === 'string') raw[key] = (raw[key] as string).trim();
      },
    });
    if (waitAddress) return waitAddress;
    if (!body.ok) return body.response;
    const waitStructure = claimLimits.structure(c, body.value.structure_id);
    if (waitStructure) return waitStructure;
    const found = await store.getStructure(body.value.structure_id, SERVER_READER);
    if (found?.structure.statut !== 'publiee') {
      return invalidRequest(c, [{ path: 'structure_id', message: 'Aucune fiche publiée sous cet identifiant.' }]);
    }
    if (found.structure.recoit_orientations === true) {
      const message = 'Ce lieu a déjà un compte partenaire actif : demandez un code à la coordination.';
      return apiError(c, 409, 'conflict', message, [{ path: 'structure_id', message }]);
    }
    const claim: StoredClaim = {
      id: randomUUID(),
      structure_id: body.value.structure_id,
      nom: body.value.nom,
      contact: body.value.contact,
      etat: 'ouverte',
      created_at: isoInstant(clock()),
      decided_at: null,
      account_id: null,
    };
    await store.createClaim(claim);
    logger.info({ event: 'claim_created' });
    return c.json(
      { protocol: answerProtocol(c, body.value.protocol), demande: claimOf(claim, found.structure.nom) },
      201,
    );
  });

  return routes;
}
