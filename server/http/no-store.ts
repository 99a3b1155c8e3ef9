// Every API answer is `Cache-Control: no-store` unless its route says otherwise: sessions carry tokens, and most
// answers carry personal or role-restricted data (the device's account, referrals, pending conflicts, the
// professionals-only listings a signed-in reader sees) that must not stay in the HTTP cache of a computer shared
// by a whole office, nor in a proxy. One rule for the whole API, so a new route is private until its author
// decides it is public: a route that may be kept sets its own Cache-Control, and this middleware leaves it.
// Today none does; the directory pages are kept on the server (feed-body.ts), not by HTTP caches.
import type { MiddlewareHandler } from 'hono';

export const NO_STORE = 'no-store';

export function noStoreByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', NO_STORE);
  };
}
