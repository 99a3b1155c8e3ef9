// The server's clock is the only one Boussole trusts (devices' clocks drift and mutations carry no time). This
// helper turns one server instant into the form history and logs store; its Paris day (`date_maj`, digests) is
// `parisDay` of src/domain/time/paris-time.ts, the same the device takes.

/** ISO 8601 instant (UTC, `Z`), as stored in history, conflicts, devices and invitations. */
export function isoInstant(now: Date): string {
  return now.toISOString();
}
