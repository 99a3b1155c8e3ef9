// Sessions (docs/sync-protocol.md, "Identity and trust"): an invitation code becomes a device token and a client
// id; the server keeps only the token's sha-256. A device can ask who it is and revoke its own token.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { type Session, type SignInResponse, signInRequestSchema } from '../../src/domain/sync-protocol.ts';
import { REDEEM_MESSAGES } from '../auth/invitations.ts';
import { newClientId, newDeviceToken, sha256 } from '../auth/secrets.ts';
import type { Logger } from '../logger.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import type { SessionStore } from './auth.ts';
import { requireSession } from './auth.ts';
import { KIB, limitBody, readBody } from './body.ts';
import type { AppEnv, Clock } from './env.ts';
import { apiError } from './errors.ts';
import { answerProtocol } from './protocol.ts';
import { signInLimiter } from './sign-in-limits.ts';

/** What the session routes use of the store. */
export type SessionRoutesStore = SessionStore & Pick<DirectoryStore, 'redeemInvitation' | 'revokeDevice'>;

export const SESSION_BODY_LIMIT = 16 * KIB;

export interface SessionRoutesOptions {
  store: SessionRoutesStore;
  logger: Logger;
  clock: Clock;
  /** Demo codes (reusable) are accepted only in demo mode. */
  demo: boolean;
  /** The client's address is X-Forwarded-For's last entry (client-address.ts); default false. */
  behindProxy?: boolean;
}

export function createSessionRoutes({
  store,
  logger,
  clock,
  demo,
  behindProxy = false,
}: SessionRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireSession(store, clock);
  const limiter = signInLimiter({ clock, behindProxy });

  routes.post('/session', limitBody(SESSION_BODY_LIMIT), async (c) => {
    // Codes are read aloud and typed on tablets: spaces around and lower case are forgiven.
    const body = await readBody(c, signInRequestSchema, {
      prepare: (raw) => {
        if (typeof raw.code === 'string') raw.code = raw.code.trim().toUpperCase();
      },
    });
    if (!body.ok) return body.response;
    const codeHash = sha256(body.value.code);
    const limited = limiter.refusal(c, codeHash);
    if (limited) {
      logger.info({ event: 'sign_in_limited', limit: limited.limit });
      return limited.response;
    }
    const token = newDeviceToken();
    const clientId = newClientId();
    const outcome = await store.redeemInvitation({
      codeHash,
      now: clock(),
      allowReusable: demo,
      newAccountId: randomUUID(),
      device: { tokenHash: sha256(token), clientId, label: body.value.appareil },
    });
    if (!outcome.ok) {
      limiter.refused(c, codeHash);
      logger.info({ event: 'sign_in_refused', reason: outcome.reason });
      return apiError(c, 401, 'invalid_invitation', REDEEM_MESSAGES[outcome.reason], [
        { path: 'code', message: REDEEM_MESSAGES[outcome.reason] },
      ]);
    }
    logger.info({ event: 'signed_in', account_id: outcome.account.id, role: outcome.account.role });
    const response: SignInResponse = {
      protocol: answerProtocol(c, body.value.protocol),
      token,
      clientId,
      account: outcome.account,
    };
    return c.json(response);
  });

  routes.get('/session', signedIn, (c) => {
    const session = c.get('session');
    if (!session) throw new Error('requireSession sans session');
    const response: Session = { protocol: answerProtocol(c), clientId: session.clientId, account: session.account };
    return c.json(response);
  });

  // Signing out of a device revokes its token for good; unsent changes stay on the device for the next sign-in.
  routes.delete('/session', signedIn, async (c) => {
    const session = c.get('session');
    if (!session) throw new Error('requireSession sans session');
    await store.revokeDevice(session.clientId, clock());
    logger.info({ event: 'signed_out', account_id: session.account.id });
    return c.body(null, 204);
  });

  return routes;
}
