// Bearer-token sessions. A device sends `Authorization: Bearer <token>`; the server hashes it and looks the
// hash up (the token itself is never stored nor logged). A request that sends a token that is unknown, revoked or
// malformed is refused with 401 (`device_revoked` when the coordination signed the device out: it then erases its
// personal data; `session_expired` after too long without use: it keeps everything and asks to sign in again) even where signing in is optional: serving it as anonymous would hand a signed-in
// device an anonymous feed, whose tombstones would wipe the professionals-only listings it holds.
import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../auth/secrets.ts';
import type { DirectoryStore } from '../storage/directory-store.ts';
import type { AppEnv, Clock } from './env.ts';
import { deviceRevoked, sessionExpired, unauthenticated } from './errors.ts';

/** What the session middleware uses of the store. */
export type SessionStore = Pick<DirectoryStore, 'authenticate' | 'tokenRefusal'>;

const BEARER = /^Bearer ([A-Za-z0-9_-]{32,128})$/;

function session(store: SessionStore, clock: Clock, required: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      if (required) return unauthenticated(c);
      c.set('session', undefined);
      return next();
    }
    const token = BEARER.exec(header)?.[1];
    const now = clock();
    const maxIdleMs = c.get('tokenIdleMs');
    const found = token === undefined ? undefined : await store.authenticate(sha256(token), now, maxIdleMs);
    if (!found) {
      const why = token === undefined ? 'inconnu' : await store.tokenRefusal(sha256(token), now, maxIdleMs);
      if (why === 'revoque') return deviceRevoked(c);
      if (why === 'expire') return sessionExpired(c);
      return unauthenticated(c);
    }
    c.set('session', found);
    return next();
  };
}

/** Anonymous or signed in; a bad token is still a 401. */
export function optionalSession(store: SessionStore, clock: Clock): MiddlewareHandler<AppEnv> {
  return session(store, clock, false);
}

export function requireSession(store: SessionStore, clock: Clock): MiddlewareHandler<AppEnv> {
  return session(store, clock, true);
}
