// Sign-in attempts are limited before the store is asked (server/http/sign-in-limits.ts): a script guessing codes
// from one address is stopped with 429 + Retry-After and a French message, a code refused again and again is held
// whatever the address, and a permanence of ten workers behind one address is never blocked. The server's clock is
// moved instead of sleeping.
import { describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { SIGN_IN_LIMITS } from '../../server/http/sign-in-limits.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const T0 = Date.parse('2026-11-28T09:00:00Z');

async function limitedApp(options: { behindProxy?: boolean } = {}) {
  let now = T0;
  const test = await makeTestApp({ clock: () => new Date(now), ...options });
  const signIn = (code: string, address: string, headers: Record<string, string> = {}) =>
    test.app.request(
      '/api/v1/session',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, appareil: 'Tablette' }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );
  const invite = async (code: string) =>
    test.store.createInvitations([
      {
        role: 'travailleur',
        nom: code,
        codeHash: sha256(code),
        created_at: new Date(T0).toISOString(),
        reusable: false,
      },
    ]);
  return { ...test, signIn, invite, advance: (ms: number) => (now += ms) };
}

const guess = (i: number) => `BSL-GUES-${String(i).padStart(4, '0')}-XXXX`;

describe('sign-in attempts per address', () => {
  it('answer 429 with Retry-After and a French reason once an address had too many refused codes, without asking the store', async () => {
    const { signIn, store } = await limitedApp();
    const redeem = vi.spyOn(store, 'redeemInvitation');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 300; i++) {
      last = await signIn(guess(i), '203.0.113.7');
      statuses.push(last.status);
    }
    const allowed = SIGN_IN_LIMITS.address.limit;
    expect(statuses.slice(0, allowed)).toEqual(Array(allowed).fill(401));
    expect(statuses.slice(allowed)).toEqual(Array(300 - allowed).fill(429));
    expect(redeem).toHaveBeenCalledTimes(allowed);
    if (!last) throw new Error('no answer');
    expect(last.headers.get('Retry-After')).toBe('900');
    expect(last.headers.get('Cache-Control')).toBe('no-store');
    const { error } = apiErrorSchema.parse(await jsonOf(last));
    expect(error).toEqual({
      code: 'too_many_attempts',
      message:
        'Trop de codes refusés depuis cette adresse réseau : réessayez dans 15 minutes. Vérifiez le code auprès de la coordination.',
      problems: [{ path: 'code', message: error.message }],
    });
  });

  it('let the address try again once the window has passed, and not before', async () => {
    const { signIn, invite, advance } = await limitedApp();
    for (let i = 0; i < SIGN_IN_LIMITS.address.limit; i++) await signIn(guess(i), '203.0.113.7');
    await invite('BSL-BONC-ODEA-PRES');
    advance(SIGN_IN_LIMITS.address.windowMs - 60_000);
    const early = await signIn('BSL-BONC-ODEA-PRES', '203.0.113.7');
    expect([early.status, early.headers.get('Retry-After')]).toEqual([429, '60']);
    expect(apiErrorSchema.parse(await jsonOf(early)).error.message).toContain('réessayez dans 1 minute.');
    // Attempts made while waiting do not prolong the wait.
    advance(60_000);
    expect((await signIn('BSL-BONC-ODEA-PRES', '203.0.113.7')).status).toBe(200);
  });

  it('never block a permanence: ten workers behind one address, each mistyping twice, all sign in', async () => {
    const { signIn, invite } = await limitedApp();
    const statuses: number[] = [];
    for (let worker = 0; worker < 10; worker++) {
      const code = `BSL-PERM-${String(worker).padStart(4, '0')}-OKOK`;
      await invite(code);
      for (const typo of ['-TYPO1', '-TYPO2']) statuses.push((await signIn(`${code}${typo}`, '192.0.2.10')).status);
      statuses.push((await signIn(code, '192.0.2.10')).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses).not.toContain(429);
  });

  it('are told apart by X-Forwarded-For only behind a proxy: a client cannot buy attempts by sending the header', async () => {
    const direct = await limitedApp();
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.address.limit; i++) {
      const forged = { 'X-Forwarded-For': `198.51.100.${i}` };
      statuses.push((await direct.signIn(guess(i), '203.0.113.7', forged)).status);
    }
    expect(statuses.at(-1)).toBe(429);

    const proxied = await limitedApp({ behindProxy: true });
    for (let i = 0; i < SIGN_IN_LIMITS.address.limit; i++) {
      await proxied.signIn(guess(i), '10.0.0.2', { 'X-Forwarded-For': '203.0.113.7' });
    }
    const blocked = await proxied.signIn(guess(99), '10.0.0.2', { 'X-Forwarded-For': '203.0.113.7' });
    const neighbour = await proxied.signIn(guess(98), '10.0.0.2', { 'X-Forwarded-For': '203.0.113.8' });
    expect([blocked.status, neighbour.status]).toEqual([429, 401]);
  });
});

describe('sign-in attempts per code', () => {
  it('hold a code refused again and again, from whatever address, naming the code as the reason', async () => {
    const { signIn } = await limitedApp();
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.code.limit; i++) {
      statuses.push((await signIn('BSL-DEJA-UTIL-ISEE', `203.0.113.${i + 1}`)).status);
    }
    expect(statuses).toEqual([...Array(SIGN_IN_LIMITS.code.limit).fill(401), 429]);
    const held = await signIn('BSL-DEJA-UTIL-ISEE', '192.0.2.200');
    expect(apiErrorSchema.parse(await jsonOf(held)).error).toMatchObject({
      code: 'too_many_attempts',
      message:
        'Ce code a été refusé plusieurs fois de suite : vérifiez-le auprès de la coordination, puis réessayez dans 15 minutes.',
      problems: [{ path: 'code' }],
    });
    // Another code from those addresses is still asked of the store.
    expect((await signIn('BSL-AUTR-ECOD-EEEE', '203.0.113.1')).status).toBe(401);
  });
});
