// The commands of `npm run admin -- <command>` (server/admin.ts runs them on the BOUSSOLE_DB file). Kept apart
// from the process so that tests run them on a store in memory. Every failure is a French sentence on `err` and a
// non-zero exit code; nothing here prints a token, and an invitation code is printed once, when it is created.

import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { accountSchema } from '../src/domain/account.ts';
import { recordId } from '../src/domain/primitives.ts';
import { parisDay } from '../src/domain/time/paris-time.ts';
import { describeProblems, parse } from '../src/domain/validation.ts';
import { ROLES } from '../src/domain/vocabulary-roles.ts';
import { inviteAccount, revokeDevice, SERVER_OPERATOR, setDisabled } from './admin/admin-actions.ts';
import { sha256 } from './auth/secrets.ts';
import type { CommandContext } from './command-line.ts';
import { type Mailer, mailInvitation } from './mail/mailer.ts';
import { SERVER_READER } from './sync/visibility.ts';

export interface AdminContext extends CommandContext {
  /** Sends invitations given `--email`; absent or off: the code is only printed (mail/mailer.ts). */
  mailer?: Mailer;
  /** Where an invitation's code is typed, for the message (the app's « Connexion » page). */
  signInUrl?: string;
}

export const ADMIN_USAGE = [
  'Usage : npm run admin -- <commande> [options]',
  '  create-coordinator --nom "Prénom Nom" [--days 14]      code d’invitation à usage unique (coordination)',
  '  invite --role travailleur|partenaire|coordinateur --nom "…" [--structure <id>] [--days 14] [--email <adresse>]',
  '      --structure : la structure d’un partenaire (obligatoire), l’équipe d’un travailleur (facultative)',
  '      --email : envoie le code à cette adresse (si le courriel est configuré) et y adresse les notifications',
  '  list-devices                                           appareils connectés, par compte',
  '  revoke-device <client-id>                              déconnecte un appareil (perdu, volé)',
  '  list-accounts                                          comptes, avec leur id',
  '  disable-account <id> | enable-account <id>             désactive (tous ses appareils) ou réactive un compte',
  '  rotate-epoch                                           après la restauration d’une sauvegarde',
];

class UsageError extends Error {}

const DEFAULT_DAYS = 14;
const emailSchema = z.email();

function readOptions(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's own messages are English: name the option in a French sentence instead.
    const option = /'(-[^']*)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '?';
    throw new UsageError(`Option inconnue ou sans valeur : ${option}`);
  }
}

function days(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365) throw new UsageError('--days : nombre de jours entre 1 et 365 attendu');
  return n;
}

async function invite(
  ctx: AdminContext,
  role: string | undefined,
  nom: string | undefined,
  structure: string | undefined,
  validDays: number,
  email?: string,
) {
  if (role === undefined || !Object.hasOwn(ROLES, role)) {
    throw new UsageError(`--role : un rôle parmi ${Object.keys(ROLES).join(', ')} attendu`);
  }
  const parsedNom = parse(accountSchema.shape.nom, nom?.trim());
  if (!parsedNom.ok) throw new UsageError(`--nom : ${describeProblems(parsedNom.problems)}`);
  const typedRole = role as keyof typeof ROLES;
  if (email !== undefined && !parse(emailSchema, email).ok) {
    throw new UsageError('--email : une adresse électronique attendue (nom@domaine.fr)');
  }
  if (typedRole === 'partenaire' && structure === undefined) {
    throw new UsageError('--structure : obligatoire pour un compte partenaire');
  }
  if (typedRole === 'coordinateur' && structure !== undefined) {
    throw new UsageError('--structure : pour un compte partenaire (sa structure) ou travailleur (son équipe)');
  }
  if (structure !== undefined) {
    const id = parse(recordId, structure);
    if (!id.ok) throw new UsageError(`--structure : ${describeProblems(id.problems)}`);
    if (!(await ctx.store.getStructure(structure, SERVER_READER))) {
      throw new UsageError(`--structure : aucune structure « ${structure} » dans l’annuaire`);
    }
  }
  // The same function as the Administration screen's (admin/admin-actions.ts), as the server's operator: the account
  // exists from now on (« invité »), the code signs it in once, and the audit trail names « Administration du serveur ».
  const outcome = await inviteAccount(
    ctx.store,
    SERVER_OPERATOR,
    { role: typedRole, nom: parsedNom.value, structure_id: structure, jours: validDays },
    ctx.now,
  );
  if (!outcome.ok) throw new UsageError(outcome.message);
  const { code } = outcome.value;
  const expires = new Date(outcome.value.expires_at);
  ctx.out(`Code d’invitation : ${code}`);
  ctx.out(
    `Pour : ${typedRole} « ${parsedNom.value} »${structure ? ` (${typedRole === 'partenaire' ? 'structure' : 'équipe'} ${structure})` : ''} ; usage unique, valable jusqu’au ${parisDay(expires)}.`,
  );
  if (email !== undefined) await sendInvitation(ctx, { to: email, code, codeHash: sha256(code), role: typedRole });
}

/** The address goes with the invitation (the account's, for notifications); the code goes by mail when it can. */
async function sendInvitation(
  ctx: AdminContext,
  invitation: { to: string; code: string; codeHash: string; role: string },
) {
  await ctx.store.setInvitationEmail(invitation.codeHash, invitation.to);
  const { mailer, signInUrl } = ctx;
  if (!mailer?.enabled || signInUrl === undefined) {
    ctx.out(
      'Courriel non configuré (BOUSSOLE_SMTP_URL) : remettez ce code vous-même. L’adresse est gardée pour les notifications.',
    );
    return;
  }
  await mailInvitation(mailer, {
    to: invitation.to,
    code: invitation.code,
    signInUrl,
    role: invitation.role,
    now: ctx.now,
  });
  // The message was queued due now: this drain tries it; a failure leaves it to the server's retries.
  const report = await mailer.drain();
  ctx.out(
    report.sent > 0 && report.failed + report.abandoned === 0
      ? 'Invitation envoyée par courriel à l’adresse indiquée.'
      : 'Le serveur de messagerie n’a pas pris le message : il repartira dès que possible (le serveur Boussole réessaie).',
  );
}

async function run(ctx: AdminContext, argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create-coordinator': {
      const { values, positionals } = readOptions(rest, { nom: { type: 'string' }, days: { type: 'string' } });
      if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
      return invite(ctx, 'coordinateur', values.nom, undefined, days(values.days));
    }
    case 'invite': {
      const { values, positionals } = readOptions(rest, {
        role: { type: 'string' },
        nom: { type: 'string' },
        structure: { type: 'string' },
        days: { type: 'string' },
        email: { type: 'string' },
      });
      if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
      return invite(ctx, values.role, values.nom, values.structure, days(values.days), values.email?.trim());
    }
    case 'list-devices': {
      const devices = await ctx.store.listDevices();
      if (devices.length === 0) return ctx.out('Aucun appareil connecté.');
      ctx.out(['client-id', 'rôle', 'compte', 'appareil', 'connecté le', 'vu le', 'révoqué le'].join('\t'));
      for (const d of devices) {
        ctx.out([d.client_id, d.role, d.nom, d.label, d.created_at, d.last_seen_at, d.revoked_at ?? '-'].join('\t'));
      }
      return;
    }
    case 'revoke-device': {
      const [clientId, ...extra] = rest;
      if (clientId === undefined || extra.length > 0) throw new UsageError('revoke-device : un client-id attendu');
      const active = (await ctx.store.listDevices()).some((d) => d.client_id === clientId && d.revoked_at === null);
      if (!active || !(await revokeDevice(ctx.store, SERVER_OPERATOR, clientId, ctx.now)).ok) {
        throw new Error(`Aucun appareil actif avec le client-id « ${clientId} » (voir list-devices).`);
      }
      return ctx.out(`Appareil ${clientId} révoqué : sa prochaine synchronisation demandera de se reconnecter.`);
    }
    case 'list-accounts': {
      if (rest.length > 0) throw new UsageError('list-accounts : aucun argument attendu');
      const accounts = await ctx.store.listAccounts();
      if (accounts.length === 0) return ctx.out('Aucun compte.');
      ctx.out(['id', 'rôle', 'nom', 'structure ou équipe', 'désactivé le', 'appareils actifs'].join('\t'));
      for (const { account: a, disabled_at, devices } of accounts) {
        const active = devices.filter((d) => d.revoked_at === null).length;
        ctx.out([a.id, a.role, a.nom, a.structure_id ?? a.equipe_id ?? '-', disabled_at ?? '-', active].join('\t'));
      }
      return;
    }
    case 'disable-account':
    case 'enable-account': {
      const [accountId, ...extra] = rest;
      if (accountId === undefined || extra.length > 0) throw new UsageError(`${command} : un id de compte attendu`);
      const disabled = command === 'disable-account';
      const outcome = await setDisabled(ctx.store, SERVER_OPERATOR, accountId, disabled, ctx.now);
      if (!outcome.ok) throw new Error(`${outcome.message} (voir list-accounts)`);
      return ctx.out(
        disabled
          ? `Compte désactivé : ses appareils sont déconnectés et effaceront leurs données personnelles.`
          : 'Compte réactivé : donnez-lui un nouveau code (Administration, « Nouveau code »).',
      );
    }
    case 'rotate-epoch': {
      if (rest.length > 0) throw new UsageError('rotate-epoch : aucun argument attendu');
      const epoch = await ctx.store.rotateEpoch();
      ctx.out(
        `Nouvel epoch : ${epoch}. Chaque appareil retéléchargera l’annuaire et renverra ses modifications en attente.`,
      );
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'Commande manquante' : `Commande inconnue : ${command}`);
  }
}

/** Runs one admin command; resolves to the process exit code (0 success, 1 failure, 2 bad usage). */
export async function runAdmin(ctx: AdminContext, argv: string[]): Promise<number> {
  try {
    await run(ctx, argv);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.err(`Erreur : ${message}`);
    if (error instanceof UsageError) {
      for (const line of ADMIN_USAGE) ctx.err(line);
      return 2;
    }
    return 1;
  }
}
