// The transport's failures, typed so the engine knows whether to retry, ask the person to sign in again, or to
// update the app — in every case the outbox is kept. Apart from transport.ts, which parses answers with the domain
// schemas: the page side of the worker's download rebuilds them without carrying those schemas.

/** The network is unreachable, the server did not answer in time, or answered 5xx: try again later. */
export class OfflineError extends Error {
  override name = 'OfflineError';
}
/** The server answered, but not with what the protocol promises (non-JSON, wrong shape): retried later. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}
/**
 * The device's token is unknown, expired or signed out: sign in again; pending changes are kept. `revoked`: the
 * coordination revoked this device or disabled its account (a lost tablet, `device_revoked`), and the device
 * erases its personal data.
 */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
  constructor(
    message: string,
    readonly revoked = false,
  ) {
    super(message);
  }
}
/** This app is older than the server accepts: update it; pending changes are kept. */
export class OutdatedClientError extends Error {
  override name = 'OutdatedClientError';
}
/** The server expected another mutation id (docs/sync-protocol.md, Push). */
export class MutationGapError extends Error {
  override name = 'MutationGapError';
  constructor(readonly expected: number | null) {
    super(`Le serveur attend la modification n° ${expected ?? '?'}`);
  }
}
/**
 * The server (or a proxy before it) refused the body as too large: nothing in it was applied. The push sends less
 * at a time (src/sync/push.ts); a JSON body or not, as a proxy's 413 is often an HTML page.
 */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}
/** The server refused the request itself (4xx other than the above), with its French explanation. */
export class RequestRefusedError extends Error {
  override name = 'RequestRefusedError';
}
