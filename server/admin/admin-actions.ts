// The coordinators' administration, one function per action, shared by the HTTP routes (http/admin-routes.ts) and
// `npm run admin` (admin-commands.ts): who may act on which account is decided here, once. An action is allowed to
// coordinators only, within their territory (src/domain/territory.ts): a coordinator of a territory manages the partners
// whose structure, and the workers whose team, lies in its communes; accounts of coordinators and territories are
// the Métropole-wide coordinators' business. Every action writes its audit line in the store's transaction.
import { randomUUID } from 'node:crypto';
import type { ActionJournal } from '../../src/domain/admin.ts';
import { DEFAULT_INVITATION_DAYS } from '../../src/domain/admin.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';
import { isMetropoleWide, withinTerritory } from '../../src/domain/territory.ts';
import type { Problem } from '../../src/domain/validation.ts';
import { newInvitationCode, sha256 } from '../auth/secrets.ts';
import type { AccountRecord, AuditDraft, NewInvitedAccount } from '../storage/admin-store.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import type { NewInvitation } from '../storage/sync-store.ts';
import { isoInstant } from '../sync/server-clock.ts';
import { SERVER_READER } from '../sync/visibility.ts';

/** What the coordinators' actions uses of the store. */
export type AdminActionsStore = Pick<
  DirectoryStore,
  | 'auditTrail'
  | 'decideClaim'
  | 'getAccount'
  | 'getStructure'
  | 'inviteAccount'
  | 'listAccounts'
  | 'listClaims'
  | 'reissueInvitation'
  | 'revokeDeviceAudited'
  | 'setAccountDisabled'
>;

/** The account `npm run admin` acts as: the server's operator, Métropole-wide. */
export const SERVER_OPERATOR: Account = { id: 'admin', nom: 'Administration du serveur', role: 'coordinateur' };

/**
 * Sends an invitation's code by e-mail when mail is configured; resolves to whether it left. The one place mail
 * plugs in: without a notifier the letter is printed and handed over.
 */
export type InvitationNotifier = (message: {
  email: string;
  code: string;
  nom: string;
  role: Account['role'];
  expires_at: string;
}) => Promise<boolean>;

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string; problems?: Problem[] };
export type Outcome<T> = { ok: true; value: T } | Refusal;

const refuse = (status: Refusal['status'], message: string, path?: string): Refusal => ({
  ok: false,
  status,
  message,
  ...(path ? { problems: [{ path, message }] } : {}),
});

const OUTSIDE = 'Ce compte ne relève pas de votre territoire.';

async function communeOfStructure(store: AdminActionsStore, id: string | undefined): Promise<string | undefined> {
  if (id === undefined) return undefined;
  return (await store.getStructure(id, SERVER_READER))?.structure.code_insee;
}

/** The commune an account belongs to: its partner structure's, or its worker team's. */
export function communeOf(store: AdminActionsStore, account: Account): Promise<string | undefined> {
  return communeOfStructure(store, account.structure_id ?? account.equipe_id);
}

/** Whether `actor` may act on `target` (whose commune is `commune`). */
export function mayManage(actor: Account, target: Account, commune: string | undefined): boolean {
  if (actor.role !== 'coordinateur') return false;
  if (isMetropoleWide(actor)) return true;
  return target.role !== 'coordinateur' && withinTerritory(actor, [commune]);
}

function audit(
  actor: Account,
  action: ActionJournal,
  cible: string,
  commune: string | undefined,
  now: Date,
): AuditDraft {
  return { at: isoInstant(now), actor_id: actor.id, actor_nom: actor.nom, action, cible, commune: commune ?? null };
}

function newCode(actor: Account, account: Account, now: Date, days: number) {
  const code = newInvitationCode();
  const expires = new Date(now.getTime() + days * 86_400_000);
  const invitation: NewInvitation = {
    codeHash: sha256(code),
    role: account.role,
    nom: account.nom,
    ...(account.structure_id === undefined ? {} : { structure_id: account.structure_id }),
    ...(account.equipe_id === undefined ? {} : { equipe_id: account.equipe_id }),
    account_id: account.id,
    created_by: actor.id,
    created_at: isoInstant(now),
    expires_at: isoInstant(expires),
    reusable: false,
  };
  return { code, expires_at: isoInstant(expires), invitation };
}

export interface InviteInput {
  role: Account['role'];
  nom: string;
  structure_id?: string | undefined;
  communes?: string[] | undefined;
  email?: string | undefined;
  jours?: number | undefined;
}

export interface Invited {
  code: string;
  expires_at: string;
  record: AccountRecord;
  emailed: boolean;
}

/** The account an invitation will create, checked against the actor's rights; refused with the field at fault. */
export async function plannedAccount(
  store: AdminActionsStore,
  actor: Account,
  input: InviteInput,
): Promise<Outcome<Account>> {
  if (actor.role !== 'coordinateur') return refuse(403, 'Seule la coordination invite des comptes.');
  const { role, structure_id, communes } = input;
  if (role === 'partenaire' && structure_id === undefined) {
    return refuse(400, 'Un compte partenaire parle pour une structure : choisissez-la.', 'structure_id');
  }
  if (role === 'coordinateur' && structure_id !== undefined) {
    return refuse(400, 'Un compte de coordination n’a pas de structure (un territoire, au besoin).', 'structure_id');
  }
  if (role !== 'coordinateur' && communes !== undefined) {
    return refuse(400, 'Seul un compte de coordination a un territoire.', 'communes');
  }
  if (structure_id !== undefined && !(await store.getStructure(structure_id, SERVER_READER))) {
    return refuse(400, 'Cette structure n’existe pas dans l’annuaire.', 'structure_id');
  }
  const account: Account = {
    id: randomUUID(),
    nom: input.nom,
    role,
    ...(structure_id === undefined ? {} : role === 'partenaire' ? { structure_id } : { equipe_id: structure_id }),
    ...(communes === undefined ? {} : { communes: [...new Set(communes)].sort() }),
  };
  if (!mayManage(actor, account, await communeOf(store, account))) {
    return refuse(
      403,
      role === 'coordinateur'
        ? 'Seule une coordination de toute la Métropole invite une autre coordination.'
        : 'Invitez des comptes de votre territoire : choisissez une structure de vos communes.',
      role === 'coordinateur' ? undefined : 'structure_id',
    );
  }
  return { ok: true, value: account };
}

export async function inviteAccount(
  store: AdminActionsStore,
  actor: Account,
  input: InviteInput,
  now: Date,
  notify?: InvitationNotifier,
): Promise<Outcome<Invited>> {
  const planned = await plannedAccount(store, actor, input);
  if (!planned.ok) return planned;
  const account = planned.value;
  const { code, expires_at, invitation } = newCode(actor, account, now, input.jours ?? DEFAULT_INVITATION_DAYS);
  const created: NewInvitedAccount = { account, created_at: isoInstant(now), invitation };
  await store.inviteAccount({
    ...created,
    audit: audit(actor, 'invitation', account.nom, await communeOf(store, account), now),
  });
  const record = await store.getAccount(account.id);
  if (!record) throw new Error('Compte invité introuvable');
  const emailed =
    input.email !== undefined && notify !== undefined
      ? await notify({ email: input.email, code, nom: account.nom, role: account.role, expires_at })
      : false;
  return { ok: true, value: { code, expires_at, record, emailed } };
}

async function managedAccount(store: AdminActionsStore, actor: Account, id: string) {
  if (actor.role !== 'coordinateur') return refuse(403, 'Réservé à la coordination.');
  const record = await store.getAccount(id);
  if (!record) return refuse(404, 'Compte inconnu.');
  const commune = await communeOf(store, record.account);
  if (!mayManage(actor, record.account, commune)) return refuse(403, OUTSIDE);
  if (record.account.id === actor.id) return refuse(409, 'Vous ne pouvez pas agir sur votre propre compte ici.');
  return { ok: true as const, record, commune };
}

export async function reissueInvitation(
  store: AdminActionsStore,
  actor: Account,
  accountId: string,
  now: Date,
  notify?: InvitationNotifier,
  email?: string,
): Promise<Outcome<Invited>> {
  const found = await managedAccount(store, actor, accountId);
  if (!found.ok) return found;
  if (found.record.disabled_at !== null) return refuse(409, 'Ce compte est désactivé : réactivez-le d’abord.');
  const { code, expires_at, invitation } = newCode(actor, found.record.account, now, DEFAULT_INVITATION_DAYS);
  const done = await store.reissueInvitation({
    accountId,
    invitation,
    now,
    audit: audit(actor, 'nouvelle_invitation', found.record.account.nom, found.commune, now),
  });
  if (!done) return refuse(409, 'Ce compte est désactivé : réactivez-le d’abord.');
  const record = (await store.getAccount(accountId)) ?? found.record;
  const { nom, role } = record.account;
  const emailed =
    email !== undefined && notify !== undefined ? await notify({ email, code, nom, role, expires_at }) : false;
  return { ok: true, value: { code, expires_at, record, emailed } };
}

export async function setDisabled(
  store: AdminActionsStore,
  actor: Account,
  accountId: string,
  disabled: boolean,
  now: Date,
): Promise<Outcome<AccountRecord>> {
  const found = await managedAccount(store, actor, accountId);
  if (!found.ok) return found;
  await store.setAccountDisabled({
    accountId,
    disabled,
    now,
    audit: audit(actor, disabled ? 'desactivation' : 'reactivation', found.record.account.nom, found.commune, now),
  });
  // Already in that state: nothing written, the answer is the same (a retried click is not an error).
  return { ok: true, value: (await store.getAccount(accountId)) ?? found.record };
}

export async function revokeDevice(
  store: AdminActionsStore,
  actor: Account,
  clientId: string,
  now: Date,
): Promise<Outcome<AccountRecord>> {
  if (actor.role !== 'coordinateur') return refuse(403, 'Réservé à la coordination.');
  const owner = (await store.listAccounts()).find((r) => r.devices.some((d) => d.client_id === clientId));
  if (!owner) return refuse(404, 'Appareil inconnu.');
  const found = await managedAccount(store, actor, owner.account.id);
  if (!found.ok && !(found.status === 409 && owner.account.id === actor.id)) return found;
  const commune = await communeOf(store, owner.account);
  await store.revokeDeviceAudited({
    clientId,
    now,
    audit: audit(actor, 'revocation_appareil', owner.account.nom, commune, now),
  });
  return { ok: true, value: (await store.getAccount(owner.account.id)) ?? owner };
}

/** The accounts `actor` may see in Administration: those it manages, and its own. */
export async function visibleAccounts(store: AdminActionsStore, actor: Account): Promise<AccountRecord[]> {
  const out: AccountRecord[] = [];
  for (const record of await store.listAccounts()) {
    if (record.account.id === actor.id || mayManage(actor, record.account, await communeOf(store, record.account))) {
      out.push(record);
    }
  }
  return out;
}

export async function visibleAudit(store: AdminActionsStore, actor: Account, limit: number) {
  const lines = await store.auditTrail(isMetropoleWide(actor) ? limit : 10_000);
  if (isMetropoleWide(actor)) return lines;
  return lines
    .filter((l) => l.actor_id === actor.id || withinTerritory(actor, [l.commune ?? undefined]))
    .slice(0, limit);
}

export async function claimsFor(store: AdminActionsStore, actor: Account) {
  const out = [];
  for (const claim of await store.listClaims()) {
    const found = await store.getStructure(claim.structure_id, SERVER_READER);
    if (!isMetropoleWide(actor) && !withinTerritory(actor, [found?.structure.code_insee])) continue;
    out.push({ claim, structure_nom: found?.structure.nom ?? claim.structure_id });
  }
  return out;
}

/** Accepting a claim invites a partner account bound to the claimed structure, named after the claimant. */
export async function decideClaim(
  store: AdminActionsStore,
  actor: Account,
  claimId: string,
  accept: boolean,
  now: Date,
): Promise<Outcome<{ invited?: Invited }>> {
  if (actor.role !== 'coordinateur') return refuse(403, 'Réservé à la coordination.');
  const claim = (await claimsFor(store, actor)).find((c) => c.claim.id === claimId);
  if (!claim) return refuse(404, 'Demande inconnue ou hors de votre territoire.');
  if (claim.claim.etat !== 'ouverte') return refuse(409, 'Cette demande a déjà été traitée.');
  const commune = await communeOfStructure(store, claim.claim.structure_id);
  const line = audit(actor, accept ? 'demande_acceptee' : 'demande_refusee', claim.structure_nom, commune, now);
  if (!accept) {
    await store.decideClaim({ id: claimId, now, audit: line });
    return { ok: true, value: {} };
  }
  const planned = await plannedAccount(store, actor, {
    role: 'partenaire',
    nom: claim.claim.nom,
    structure_id: claim.claim.structure_id,
  });
  if (!planned.ok) return planned;
  const { code, expires_at, invitation } = newCode(actor, planned.value, now, DEFAULT_INVITATION_DAYS);
  const accepted = { account: planned.value, created_at: isoInstant(now), invitation };
  if (!(await store.decideClaim({ id: claimId, accept: accepted, now, audit: line }))) {
    return refuse(409, 'Cette demande a déjà été traitée.');
  }
  const record = await store.getAccount(planned.value.id);
  if (!record) throw new Error('Compte invité introuvable');
  return { ok: true, value: { invited: { code, expires_at, record, emailed: false } } };
}
