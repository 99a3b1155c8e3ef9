// `npm run import -- --format boussole-2019` on the real 2019 prototype CSV. The file has no licence: it is read
// from ../shared (next to the repository, where CI has it), never copied here — and a missing file fails this
// test rather than skipping it. Expected figures were checked row by row against the file when written.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../server/interop/commands.ts';
import { isValidOsmHours } from '../../server/interop/osm-hours-check.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { ANONYMOUS_READER, SERVER_READER } from '../../server/sync/visibility.ts';
import { read2019Csv } from '../../src/interop/boussole-2019.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FILE = resolve(REPO, '../shared/reference/samples/boussole-mdm/Copie_de_BOUSSOLE.csv');
const NOW = new Date('2026-11-28T09:00:00Z');

describe('the 2019 Boussole data', () => {
  it('imports with an honest report: 49 partners, 12 hours converted, 15 to check, 22 without hours', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const out: string[] = [];
    const err: string[] = [];
    const run = () => {
      out.length = 0;
      return runImport({ store, out: (l) => out.push(l), err: (l) => err.push(l), now: NOW }, [
        '--format',
        'boussole-2019',
        FILE,
      ]);
    };
    try {
      expect(await run()).toBe(0);
      expect(out).toEqual(
        expect.arrayContaining([
          'Fiches lues : 49',
          'Importées : 49 (créées 49, mises à jour 0, déjà à jour 0)',
          'Horaires convertis au format OpenStreetMap : 12',
          'Horaires à vérifier (texte d’origine conservé) : 15',
          'Sans horaires : 22',
          'Catégories sans équivalent : PRECARITE (6), SENIORS (11)',
          'Valeurs illisibles laissées de côté : site_web (1)',
          'Rejetées : 0',
        ]),
      );
      expect(await store.counts()).toEqual({ structures: 49, services: 49 });
      // Proposed listings: professionals see them, the public not until a coordinator validates them.
      expect((await store.pull({ cursor: 0, limit: 500, reader: ANONYMOUS_READER })).total).toBe(0);
      expect((await store.pull({ cursor: 0, limit: 500, reader: SERVER_READER })).total).toBe(98);
      // A second run changes nothing.
      const head = await store.feedHead();
      expect(await run()).toBe(0);
      expect(out).toContain('Importées : 49 (créées 0, mises à jour 0, déjà à jour 49)');
      expect(await store.feedHead()).toEqual(head);
    } finally {
      await store.close();
    }
  });

  it('keeps coordinates, converts only faithful hours, keeps the original text of the others', () => {
    const read = read2019Csv(readFileSync(FILE, 'utf8'), isValidOsmHours);
    if (!read.ok) throw new Error(read.message);
    const rows = read.rows.flatMap((r) => (r.ok ? [r] : []));
    expect(rows).toHaveLength(49);
    for (const { structure, service, hours } of rows) {
      expect(structure.latitude).toBeGreaterThan(45.6);
      expect(structure.longitude).toBeGreaterThan(4.7);
      expect(structure).toMatchObject({ statut: 'proposee', date_maj: '2019-03-26', verification: null });
      expect(service.tarif).toEqual({ type: 'payant', precisions: 'Tarif non renseigné par la source : à vérifier' });
      if (hours === 'converties') expect(isValidOsmHours(structure.horaires_accueil ?? '')).toBe(true);
      if (hours === 'a-verifier') {
        expect(structure.horaires_accueil).toBeUndefined();
        expect(structure.horaires_note).toMatch(/^Horaires à vérifier : /);
      }
    }
    // The third-week Thursday meeting with no end time is an open end, not an invented one.
    expect(rows.map((r) => r.structure.horaires_accueil)).toContain('Th[3] 19:30+');
    // Food is recognised where it is served: meals and snacks, parcels.
    expect(rows.filter((r) => r.service.categorie !== undefined).length).toBe(4);
  });
});
