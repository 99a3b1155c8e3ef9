// The per-request variables of the Hono app, shared by the app and every route module.
import type { AuthSession } from '../storage/sync-store.ts';

export interface AppEnv {
  Variables: {
    /** Marks a request no route answered, for the log line. */
    unmatched: boolean;
    /** The device's session, set by `optionalSession`/`requireSession` when a valid bearer token came. */
    session: AuthSession | undefined;
    /** The protocol the client spoke in `X-Boussole-Protocol` (checked by `protocolHeader`), if it sent one. */
    clientProtocol: number | undefined;
    /** A device token unused for longer than this stops working (app.ts, BOUSSOLE_TOKEN_IDLE_DAYS). */
    tokenIdleMs: number | undefined;
  };
}

/** The server's clock, injected so that tests pin it; mutations never carry a device's time. */
export type Clock = () => Date;
