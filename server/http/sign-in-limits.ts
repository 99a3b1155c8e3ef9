// Limits on POST /api/v1/session, checked before the store is asked: an invitation code is the only secret a
// stranger can try, so refused attempts are counted and, past a limit, answered 429 with Retry-After (seconds)
// and a French message giving the wait.
// - Per client address, refused codes only: the tablets of a permanence or the computers of an office often share
//   one address (NAT), sign in within minutes and mistype; successes never count, and 30 refusals in 15 minutes
//   leave room for all of them while a script is held to 2 guesses a minute.
// - Per code, refused attempts of that same code (kept as its sha-256): a used, expired or mistyped code retried in
//   a loop (a device, a script, someone insisting) stops reaching the store, and each try of a given guess is
//   counted wherever it comes from.
// Guessing a code by brute force is made hopeless by the codes' length (auth/secrets.ts: about 59 bits for a
// single-use code, 79 for a demo code) together with the per-address limit; no global limit, which would let anyone
// lock everybody out. Blocked attempts are not counted, so a person who waits is let in when the wait ends.
import type { Context } from 'hono';
import { FailureWindow } from '../auth/failure-window.ts';
import { clientAddress } from './client-address.ts';
import type { Clock } from './env.ts';
import { apiError } from './errors.ts';

const MINUTE = 60_000;

export const SIGN_IN_LIMITS = {
  address: { limit: 30, windowMs: 15 * MINUTE },
  code: { limit: 5, windowMs: 15 * MINUTE },
} as const;

/** Keys kept per limit: about 10,000 × 30 instants at most, a few MB, whatever a flood of addresses does. */
const MAX_KEYS = 10_000;

export type SignInLimit = keyof typeof SIGN_IN_LIMITS;

/** `dans 12 minutes`, `dans 40 secondes`: the wait, rounded up. */
export function frenchWait(seconds: number): string {
  if (seconds < 60) return `dans ${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `dans ${minutes} minute${minutes > 1 ? 's' : ''}`;
}

const MESSAGES: Record<SignInLimit, (wait: string) => string> = {
  address: (wait) =>
    `Trop de codes refusés depuis cette adresse réseau : réessayez ${wait}. Vérifiez le code auprès de la coordination.`,
  code: (wait) =>
    `Ce code a été refusé plusieurs fois de suite : vérifiez-le auprès de la coordination, puis réessayez ${wait}.`,
};

export function signInLimiter({ clock, behindProxy }: { clock: Clock; behindProxy: boolean }) {
  const windows: Record<SignInLimit, FailureWindow> = {
    address: new FailureWindow(SIGN_IN_LIMITS.address, MAX_KEYS),
    code: new FailureWindow(SIGN_IN_LIMITS.code, MAX_KEYS),
  };
  const keysOf = (c: Context, codeHash: string): Array<[SignInLimit, string]> => {
    const address = clientAddress(c, behindProxy);
    return address === undefined
      ? [['code', codeHash]]
      : [
          ['address', address],
          ['code', codeHash],
        ];
  };

  return {
    /** The 429 answer when this attempt must wait (the limit that waits longest is named), else undefined. */
    refusal(c: Context, codeHash: string): { limit: SignInLimit; response: Response } | undefined {
      const now = clock().getTime();
      let longest: { limit: SignInLimit; ms: number } | undefined;
      for (const [limit, key] of keysOf(c, codeHash)) {
        const ms = windows[limit].waitMs(key, now);
        if (ms > 0 && (!longest || ms > longest.ms)) longest = { limit, ms };
      }
      if (!longest) return undefined;
      const seconds = Math.ceil(longest.ms / 1000);
      const message = MESSAGES[longest.limit](frenchWait(seconds));
      c.header('Retry-After', String(seconds));
      return {
        limit: longest.limit,
        response: apiError(c, 429, 'too_many_attempts', message, [{ path: 'code', message }]),
      };
    },
    /** Counts a refused code against its address and itself. */
    refused(c: Context, codeHash: string): void {
      const now = clock().getTime();
      for (const [limit, key] of keysOf(c, codeHash)) windows[limit].recordFailure(key, now);
    },
  };
}

export type SignInLimiter = ReturnType<typeof signInLimiter>;
