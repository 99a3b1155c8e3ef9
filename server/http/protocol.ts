// The protocol version a client speaks (docs/sync-protocol.md, "History"). POST bodies carry it as `protocol`;
// GET requests may send the header `X-Boussole-Protocol` (a query parameter would defeat the strict query
// schemas and vary cache keys). Older than MIN_CLIENT_PROTOCOL: HTTP 426, the client keeps its outbox and
// updates. Newer than this server: 400 naming the field. A GET without the header is served (browsers, curl).
import type { MiddlewareHandler } from 'hono';
import { MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import type { Problem } from '../../src/domain/validation.ts';
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

/** Checks the header on every API request that has it. */
export function protocolHeader(): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header(PROTOCOL_HEADER);
    if (header === undefined) return next();
    const check = checkProtocol(/^\d{1,6}$/.test(header) ? Number(header) : Number.NaN, PROTOCOL_HEADER);
    if (check === 'outdated') return clientOutdated(c);
    if (check !== 'ok') return invalidRequest(c, [check.problem]);
    return next();
  };
}
