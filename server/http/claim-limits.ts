// Limits on POST /api/v1/claims (« Je gère ce lieu »), checked before the body is read: the route is open to anyone
// and each claim lands in front of a coordinator, so a script must not be able to bury the real ones. Unlike
// sign-in, every attempt counts, accepted or refused — a claim that succeeds is exactly what a flood would be.
// - Per client address: 10 attempts an hour leave room for an office of partners behind one address (NAT) asking
//   for their places, and hold a script to a trickle the coordination can refuse by hand.
// - Per structure: 5 claims of one listing a day; a real partner asks once, perhaps twice after a typo.
// Same mechanism as sign-in (auth/failure-window.ts): bounded memory, the server's clock, Retry-After in seconds.
import type { Context } from 'hono';
import { FailureWindow } from '../auth/failure-window.ts';
import { clientAddress } from './client-address.ts';
import type { Clock } from './env.ts';
import { apiError } from './errors.ts';
import { frenchWait } from './sign-in-limits.ts';

const HOUR = 3_600_000;

export const CLAIM_LIMITS = {
  address: { limit: 10, windowMs: HOUR },
  structure: { limit: 5, windowMs: 24 * HOUR },
} as const;

const MAX_KEYS = 10_000;

type ClaimLimit = keyof typeof CLAIM_LIMITS;

const MESSAGES: Record<ClaimLimit, (wait: string) => string> = {
  address: (wait) => `Trop de demandes envoyées depuis cette adresse réseau : réessayez ${wait}.`,
  structure: (wait) =>
    `Ce lieu a déjà reçu plusieurs demandes aujourd’hui : la coordination les examine. Réessayez ${wait} si besoin.`,
};

export function claimLimiter({ clock, behindProxy }: { clock: Clock; behindProxy: boolean }) {
  const windows: Record<ClaimLimit, FailureWindow> = {
    address: new FailureWindow(CLAIM_LIMITS.address, MAX_KEYS),
    structure: new FailureWindow(CLAIM_LIMITS.structure, MAX_KEYS),
  };
  const wait = (c: Context, limit: ClaimLimit, key: string): Response | undefined => {
    const ms = windows[limit].waitMs(key, clock().getTime());
    if (ms <= 0) return undefined;
    const seconds = Math.ceil(ms / 1000);
    const message = MESSAGES[limit](frenchWait(seconds));
    c.header('Retry-After', String(seconds));
    const path = limit === 'structure' ? 'structure_id' : 'contact';
    return apiError(c, 429, 'too_many_attempts', message, [{ path, message }]);
  };

  return {
    /** Before the body is read: the 429 when this address must wait, else counts the attempt. */
    address(c: Context): Response | undefined {
      const address = clientAddress(c, behindProxy);
      if (address === undefined) return undefined;
      const refusal = wait(c, 'address', address);
      if (!refusal) windows.address.recordFailure(address, clock().getTime());
      return refusal;
    },
    /** Once the structure is known: the 429 when this listing had enough claims today, else counts the claim. */
    structure(c: Context, structureId: string): Response | undefined {
      const refusal = wait(c, 'structure', structureId);
      if (!refusal) windows.structure.recordFailure(structureId, clock().getTime());
      return refusal;
    },
  };
}
