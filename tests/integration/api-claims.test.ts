// POST /api/v1/claims (« Je gère ce lieu ») is open to anyone: limited per client address and per listing like
// sign-in (server/http/claim-limits.ts, 429 + Retry-After + a French reason), every attempt counting, and
// validated strictly (unknown fields, a contact nobody can call or write to, a listing that already has its
// partner). The server's clock is moved instead of sleeping.
import { describe, expect, it } from 'vitest';
import { inviteAccount, SERVER_OPERATOR } from '../../server/admin/admin-actions.ts';
import { CLAIM_LIMITS } from '../../server/http/claim-limits.ts';
import { claimsResponseSchema } from '../../src/domain/admin.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;

async function claimsApp() {
  let now = T0;
  const test = await makeTestApp({ clock: () => new Date(now) });
  const claim = (body: Record<string, unknown>, address = '203.0.113.9') =>
    test.app.request(
      '/api/v1/claims',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, ...body }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );
  const openClaims = async () => {
    const outcome = await inviteAccount(
      test.store,
      SERVER_OPERATOR,
      { role: 'coordinateur', nom: 'Claire' },
      new Date(now),
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const session = (await jsonOf(
      await test.app.request('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: outcome.value.code, appareil: 'Poste' }),
      }),
    )) as { token: string };
    const answer = await test.app.request('/api/v1/admin/claims', {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    return claimsResponseSchema.parse(await jsonOf(answer)).demandes;
  };
  return { ...test, claim, openClaims, advance: (ms: number) => (now += ms) };
}

const valid = (i: number) => ({ structure_id: `test--s00${(i % 3) + 1}`, nom: 'Gérante', contact: '04 72 00 00 00' });

describe('claims per client address', () => {
  it('answer 429 with Retry-After and a French reason after 10 attempts in an hour, malformed ones included, and stop storing', async () => {
    const { claim, advance, openClaims } = await claimsApp();
    const statuses: number[] = [];
    for (let i = 0; i < CLAIM_LIMITS.address.limit; i++) {
      statuses.push((await claim(i % 2 === 0 ? valid(i) : { structure_id: 'test--s001', nom: 'X' })).status);
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 201 : 400)));
    const held = await claim(valid(0));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0);
    const error = apiErrorSchema.parse(await jsonOf(held));
    expect(error.error).toMatchObject({ code: 'too_many_attempts' });
    expect(error.error.message).toMatch(/Trop de demandes .* réessayez dans \d+ minutes/);
    expect(await openClaims()).toHaveLength(5);
    // Another address is not held; the first one is let in again once the hour has passed.
    expect((await claim(valid(1), '198.51.100.4')).status).toBe(201);
    advance(HOUR + 1000);
    expect((await claim(valid(2))).status).toBe(201);
  });
});

describe('claims per listing', () => {
  it('answer 429 naming structure_id after 5 claims of one listing in a day, from any address', async () => {
    const { claim, advance } = await claimsApp();
    for (let i = 0; i < CLAIM_LIMITS.structure.limit; i++) {
      expect((await claim(valid(0), `192.0.2.${i + 1}`)).status).toBe(201);
    }
    const held = await claim(valid(0), '192.0.2.99');
    expect(held.status).toBe(429);
    expect(apiErrorSchema.parse(await jsonOf(held)).error.problems).toMatchObject([{ path: 'structure_id' }]);
    expect((await claim(valid(1), '192.0.2.99')).status).toBe(201);
    advance(24 * HOUR + 1000);
    expect((await claim(valid(0), '192.0.2.100')).status).toBe(201);
  });
});

describe('claims validated strictly', () => {
  it.each([
    ['an unknown field', { ...valid(0), role: 'coordinateur' }, ''],
    [
      'a contact that is neither a phone number nor an e-mail address',
      { ...valid(0), contact: 'appelez-moi' },
      'contact',
    ],
    ['a phone number too short to call', { ...valid(0), contact: '04 72 00' }, 'contact'],
    ['a one-letter name', { ...valid(0), nom: 'X' }, 'nom'],
    ['an empty name after trimming', { ...valid(0), nom: '   ' }, 'nom'],
    ['a listing that does not exist', { ...valid(0), structure_id: 'test--s404' }, 'structure_id'],
  ])('refuses %s with 400 naming the field', async (_what, body, path) => {
    const { claim } = await claimsApp();
    const answer = await claim(body);
    expect(answer.status).toBe(400);
    const { error } = apiErrorSchema.parse(await jsonOf(answer));
    expect(error.problems?.map((p) => p.path)).toContain(path);
    expect(error.problems?.every((p) => p.message.length > 0)).toBe(true);
  });

  it('takes an e-mail address as contact', async () => {
    const { claim } = await claimsApp();
    expect((await claim({ ...valid(0), contact: 'gerante@epicerie.example' })).status).toBe(201);
  });

  it('refuses with 409 a listing whose partner already receives referrals', async () => {
    const { claim, store } = await claimsApp();
    const found = await store.getStructure('test--s002', { kind: 'server' });
    if (!found) throw new Error('fixture');
    await store.upsert([{ kind: 'structure', record: { ...found.structure, recoit_orientations: true } }]);
    const answer = await claim(valid(1));
    expect(answer.status).toBe(409);
    expect(apiErrorSchema.parse(await jsonOf(answer)).error.problems).toMatchObject([{ path: 'structure_id' }]);
  });
});
