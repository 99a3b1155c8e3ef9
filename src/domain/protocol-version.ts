// The wire protocol's version numbers, in a module of their own: directory.ts (pull) and sync-protocol.ts
// (session, push) both need them and import each other's schemas, so neither may own them (an import cycle
// leaves one of them undefined at load time). History of the versions: docs/sync-protocol.md.

export const PROTOCOL_VERSION = 2;

/** The oldest client protocol the server still serves; older clients are told to update (HTTP 426). */
export const MIN_CLIENT_PROTOCOL = 1;
