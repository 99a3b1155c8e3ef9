// Device tokens, client ids and invitation codes. Tokens and codes are secrets: the server keeps only their
// sha-256 (a copy of the database does not let anyone sign in) and compares hashes, never the secrets.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 256 random bits, base64url (43 characters): the device's bearer token. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 144 random bits, base64url (24 characters, matches `clientIdSchema`): names the device in the protocol. */
export function newClientId(): string {
  return randomBytes(18).toString('base64url');
}

/** Letters and digits people cannot confuse when reading a code aloud or on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomChars(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** `n` groups of 4 random characters joined by dashes: about 19.8 bits per group (log2 31 × 4). */
function randomGroups(n: number): string {
  return Array.from({ length: n }, () => randomChars(4)).join('-');
}

/** A single-use invitation code, `BSL-XXXX-XXXX-XXXX` (about 59 bits; it also expires and is single-use). */
export function newInvitationCode(): string {
  return `BSL-${randomGroups(3)}`;
}

/**
 * A reusable demo code, `DEMO-<ROLE>-XXXX-XXXX-XXXX-XXXX` (about 79 bits): random per database so that two demo
 * servers do not share codes, and long enough not to be guessed although it never expires.
 */
export function newDemoCode(roleTag: string): string {
  return `DEMO-${roleTag}-${randomGroups(4)}`;
}
