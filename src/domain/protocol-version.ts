// The wire protocol's version numbers, in a module of their own: directory.ts (pull) and sync-protocol.ts
// (session, push) both need them and import each other's schemas, so neither may own them (an import cycle
// leaves one of them undefined at load time). History of the versions: docs/sync-protocol.md.
import * as z from 'zod/mini';

export const PROTOCOL_VERSION = 4;

/** The oldest client protocol the server still serves; older clients are told to update (HTTP 426). */
export const MIN_CLIENT_PROTOCOL = 1;

/**
 * The `protocol` an answer carries is the version whose shape it takes: the client's own when the client named it
 * (server/http/protocol.ts `answerProtocol`; apps up to protocol 2 checked it for equality), else the server's. A
 * newer server still answers this client in the shape of this client's version (it serves every version from
 * MIN_CLIENT_PROTOCOL on), so only an answer older than the client is refused.
 */
export const answerProtocolSchema = z.number().check(z.int(), z.minimum(PROTOCOL_VERSION));
