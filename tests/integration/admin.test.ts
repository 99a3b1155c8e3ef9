// `npm run admin -- <command>`: invitation codes that sign in once, devices listed and revoked, the epoch rotated
// after a restore; every mistake a French sentence and a non-zero exit code.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin-commands.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { signInResponseSchema } from '../../src/domain/sync-protocol.ts';
import { postJson } from './fixtures/http-client.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

async function admin() {
  // The server signs in by its own clock: pinned to the one the commands run at, so codes expire when the test says.
  const test = await makeTestApp({ clock: () => NOW });
  const out: string[] = [];
  const err: string[] = [];
  const run = async (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    return runAdmin({ store: test.store, out: (l) => out.push(l), err: (l) => err.push(l), now: NOW }, argv);
  };
  const signIn = (code: string) =>
    postJson(test.app, '/api/v1/session', { protocol: PROTOCOL_VERSION, code, appareil: 'Poste MDM' });
  return { ...test, run, out, err, signIn };
}

const codeIn = (lines: string[]) => /(BSL-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(lines.join('\n'))?.[1] ?? '';

describe('npm run admin', () => {
  it('create-coordinator prints a single-use code that signs in a coordinator once', async () => {
    const { run, out, signIn } = await admin();
    expect(await run('create-coordinator', '--nom', 'Claire Coordination')).toBe(0);
    const code = codeIn(out);
    expect(out.join('\n')).toMatch(/usage unique, valable jusqu’au 2026-12-12/);
    const session = signInResponseSchema.parse(await jsonOf(await signIn(code)));
    expect(session.account).toMatchObject({ nom: 'Claire Coordination', role: 'coordinateur' });
    expect((await signIn(code)).status).toBe(401);
  });

  it('invite binds a partner to an existing structure, and refuses what does not make sense', async () => {
    const { run, out, err, signIn } = await admin();
    expect(
      await run('invite', '--role', 'partenaire', '--nom', 'Épicerie 2', '--structure', 'test--s002', '--days', '3'),
    ).toBe(0);
    const session = signInResponseSchema.parse(await jsonOf(await signIn(codeIn(out))));
    expect(session.account).toMatchObject({ role: 'partenaire', structure_id: 'test--s002' });
    for (const [argv, message] of [
      [['invite', '--role', 'partenaire', '--nom', 'Sans structure'], /--structure : obligatoire/],
      [
        ['invite', '--role', 'partenaire', '--nom', 'X Y Z', '--structure', 'test--s404'],
        /aucune structure « test--s404 »/,
      ],
      [
        ['invite', '--role', 'coordinateur', '--nom', 'Claire', '--structure', 'test--s001'],
        /--structure : pour un compte partenaire \(sa structure\) ou travailleur \(son équipe\)/,
      ],
      [
        ['invite', '--role', 'travailleur', '--nom', 'Théo', '--structure', 'test--s404'],
        /aucune structure « test--s404 »/,
      ],
      [
        ['invite', '--role', 'directeur', '--nom', 'Théo'],
        /--role : un rôle parmi coordinateur, travailleur, partenaire/,
      ],
      [['invite', '--role', 'travailleur', '--nom', 'Théo', '--days', '0'], /--days/],
      [['invite', '--role', 'travailleur'], /--nom/],
      [['create-coordinator', '--nom', 'Claire', '--couleur', 'bleu'], /Option inconnue ou sans valeur : --couleur/],
      [['supprimer-tout'], /Commande inconnue : supprimer-tout/],
      [[], /Commande manquante/],
    ] as const) {
      expect(await run(...argv)).toBe(2);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).toMatch(/Usage : npm run admin/);
    }
  });

  it('invite --structure puts a worker in a team (equipe_id), which gives it no partner structure', async () => {
    const { run, out, signIn } = await admin();
    expect(await run('invite', '--role', 'travailleur', '--nom', 'Théo MDM', '--structure', 'test--s001')).toBe(0);
    expect(out.join('\n')).toMatch(/travailleur « Théo MDM » \(équipe test--s001\)/);
    const session = signInResponseSchema.parse(await jsonOf(await signIn(codeIn(out))));
    expect(session.account).toEqual({
      id: expect.any(String),
      nom: 'Théo MDM',
      role: 'travailleur',
      equipe_id: 'test--s001',
    });
  });

  it('lists devices and revokes one: its next request gets 401', async () => {
    const { app, run, out, signIn } = await admin();
    await run('invite', '--role', 'travailleur', '--nom', 'Théo');
    const session = signInResponseSchema.parse(await jsonOf(await signIn(codeIn(out))));
    expect(await run('list-devices')).toBe(0);
    expect(out[1]).toMatch(new RegExp(`^${session.clientId}\\ttravailleur\\tThéo\\tPoste MDM\\t`));
    expect(await run('revoke-device', session.clientId)).toBe(0);
    expect(
      (await app.request('/api/v1/session', { headers: { Authorization: `Bearer ${session.token}` } })).status,
    ).toBe(401);
    expect(await run('revoke-device', session.clientId)).toBe(1);
  });

  it('rotate-epoch gives the database a new epoch', async () => {
    const { store, run, out } = await admin();
    const before = await store.epoch();
    expect(await run('rotate-epoch')).toBe(0);
    expect(await store.epoch()).not.toBe(before);
    expect(out.join('\n')).toContain(await store.epoch());
  });

  it('runs as a process on BOUSSOLE_DB, with a non-zero exit and a French message on failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'boussole-admin-'));
    try {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const db = join(dir, 'admin.sqlite');
      const cli = (...argv: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...argv], {
          cwd: root,
          env: { ...process.env, BOUSSOLE_DB: db },
          encoding: 'utf8',
        });
      const ok = cli('create-coordinator', '--nom', 'Claire Coordination');
      expect([ok.status, ok.stdout]).toEqual([0, expect.stringMatching(/^Code d’invitation : BSL-/)]);
      const failed = cli('revoke-device', 'inconnu-inconnu-inconnu');
      expect([failed.status, failed.stderr]).toEqual([1, expect.stringMatching(/Aucun appareil actif/)]);
      const store = openSqliteStore({ path: db });
      expect(await store.listDevices()).toEqual([]);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
