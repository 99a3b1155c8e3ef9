// The protocol version a client speaks (docs/sync-protocol.md, "History"). POST bodies carry it as `protocol`;
// GET requests may send the header `X-Boussole-Protocol` (a query parameter would defeat the strict query
// schemas and vary cache keys). Older than MIN_CLIENT_PROTOCOL: HTTP 426, the client keeps its outbox and
// updates. Newer than this server: 400 naming the field. A GET without the header is served (browsers, curl).
import type { Context, MiddlewareHandler } from 'hono';
import { MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import type { Problem } from '../../src/domain/validation.ts';
import type { AppEnv } from './env.ts';
import { clientOutdated } from './errors.ts';
import { invalidRequest } from './query.ts';

export const PROTOCOL_HEADER = 'X-Boussole-Protocol';

export type ProtocolCheck = 'ok' | 'outdated' | { problem: Problem };

/** Checks a protocol value from `path` (a body field or the header). */
export function checkProtocol(value: unknown, path: string): ProtocolCheck {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { problem: { path, message: 'Version de protocole attendue (nombre entier)' } };
  }
  if (value < MIN_CLIENT_PROTOCOL) return 'outdated';
  if (value > PROTOCOL_VERSION) {
    return { problem: { path, message: `Protocole ${value} inconnu de ce serveur (au plus ${PROTOCOL_VERSION})` } };
  }
  return 'ok';
}

/** Checks the header on every API request that has it, and remembers the client's protocol for the answer. */
export function protocolHeader(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header(PROTOCOL_HEADER);
    if (header === undefined) return next();
    const value = /^\d{1,6}$/.test(header) ? Number(header) : Number.NaN;
    const check = checkProtocol(value, PROTOCOL_HEADER);
    if (check === 'outdated') return clientOutdated(c);
    if (check !== 'ok') return invalidRequest(c, [check.problem]);
    c.set('clientProtocol', value);
    return next();
  };
}

/**
 * The `protocol` of an answer, and the version whose shape it takes: the client's own (from the body, else the
 * header), so that an installed app keeps reading answers after the server moves on — apps up to protocol 2 check
 * the answer's `protocol` for equality. A request that names none (a browser, curl) gets this server's.
 */
export function answerProtocol(c: Context<AppEnv>, bodyProtocol?: number): number {
  const spoken = bodyProtocol ?? c.get('clientProtocol');
  return spoken === undefined ? PROTOCOL_VERSION : Math.min(spoken, PROTOCOL_VERSION);
}
