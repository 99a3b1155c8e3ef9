// `npm run export` and `npm run import`, run in-process on stores in memory: the export validates against the
// published data·inclusion JSON Schemas (ajv), the directory round-trips through it, a bad row is reported with its
// line and field while the good ones are written together, and an import is an attributed change devices pull.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type InteropContext, runExport, runImport } from '../../server/interop/commands.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { createMemoryStore } from '../../server/storage/memory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { generateDirectory } from '../../src/demo/generate-directory.ts';
import type { DirectoryRecord } from '../../src/domain/directory.ts';
import { parseCsv } from '../../src/interop/csv.ts';
import { dataInclusionValidators } from '../fixtures/data-inclusion-validators.ts';
import { asWrites } from './fixtures/directory-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const dirs: string[] = [];
const stores: DirectoryStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'boussole-interop-'));
  dirs.push(dir);
  return dir;
}

function cli(store: DirectoryStore) {
  stores.push(store);
  const out: string[] = [];
  const err: string[] = [];
  const ctx: InteropContext = { store, out: (l) => out.push(l), err: (l) => err.push(l), now: NOW };
  const reset = () => {
    out.length = 0;
    err.length = 0;
  };
  return {
    out,
    err,
    exportTo: (...argv: string[]) => {
      reset();
      return runExport(ctx, argv);
    },
    importFrom: (...argv: string[]) => {
      reset();
      return runImport(ctx, argv);
    },
  };
}

async function everything(store: DirectoryStore): Promise<DirectoryRecord[]> {
  const page = await store.page(0, 10_000);
  return page.entries.map((e) => e.record).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What data·inclusion cannot carry: who verified (a person's name) and the server's version counter. */
const portable = (r: DirectoryRecord) => ({ ...r, verification: null, version: 1 });

/** The demo, where one partner wrote its listing to run in a spreadsheet (CSV injection). */
const FORMULAS = {
  nom: '=HYPERLINK("https://evil.example";"Cliquez")',
  telephone: '+33 4 72 10 20 30',
  description: '- ouvert le soir, @SUM(1+1) sinon',
};
const generated = generateDirectory({ services: 150 });
const demo = {
  structures: generated.structures.map((s, i) => (i === 0 ? { ...s, ...FORMULAS } : s)),
  services: generated.services.map((v, i) => (i === 0 ? { ...v, description: '+1+1 le mardi' } : v)),
};

async function demoStore(): Promise<DirectoryStore> {
  const store = createMemoryStore();
  await store.upsert(asWrites(demo));
  return store;
}

describe('npm run export -- --format data-inclusion', () => {
  it('writes public listings only by default, all with --tout, every record valid for the JSON Schemas', async () => {
    const { exportTo, out } = cli(await demoStore());
    const validate = dataInclusionValidators();
    const counts: Record<string, number> = {};
    for (const scope of ['public', 'tout'] as const) {
      const dir = await tempDir();
      expect(await exportTo('--format', 'data-inclusion', '--out', dir, ...(scope === 'tout' ? ['--tout'] : []))).toBe(
        0,
      );
      expect(out[0]).toMatch(/^Export data·inclusion v1/);
      const structures = JSON.parse(await readFile(join(dir, 'structures.json'), 'utf8')) as unknown[];
      const services = JSON.parse(await readFile(join(dir, 'services.json'), 'utf8')) as unknown[];
      const invalid = [
        ...structures.filter((s) => !validate.structure(s)),
        ...services.filter((s) => !validate.service(s)),
      ];
      expect(invalid).toEqual([]);
      const csv = parseCsv(await readFile(join(dir, 'services.csv'), 'utf8'));
      expect(csv.ok && csv.rows.length).toBe(services.length + 1);
      counts[scope] = structures.length + services.length;
    }
    const hidden = demo.structures.filter((s) => s.visibilite !== 'public' || s.statut !== 'publiee').length;
    expect(hidden).toBeGreaterThan(0);
    expect(counts.tout).toBe(demo.structures.length + demo.services.length);
    expect(counts.public).toBeLessThan(counts.tout ?? 0);
  });

  it.each(['json', 'csv'])(
    'round-trips: export → import (%s) into an empty store → the same directory, formula-like cells included',
    async (ext) => {
      const source = cli(await demoStore());
      const dir = await tempDir();
      expect(await source.exportTo('--format', 'data-inclusion', '--out', dir, '--tout')).toBe(0);
      if (ext === 'csv') {
        // What a spreadsheet sees: risky cells quoted and led by an apostrophe; read back below as they were.
        expect(await readFile(join(dir, 'structures.csv'), 'utf8')).toContain(`,"'${FORMULAS.telephone}",`);
        expect(await readFile(join(dir, 'services.csv'), 'utf8')).toContain(`,"'+1+1 le mardi",`);
      }
      const target = cli(openSqliteStore({ path: ':memory:' }));
      const files = [join(dir, `services.${ext}`), join(dir, `structures.${ext}`)];
      expect(await target.importFrom('--format', 'data-inclusion', ...files)).toBe(0);
      const [before, after] = [
        await everything(stores[0] as DirectoryStore),
        await everything(stores[1] as DirectoryStore),
      ];
      expect(after).toEqual(before.map(portable));
      // Importing the same files again changes nothing and moves no seq.
      const head = await (stores[1] as DirectoryStore).feedHead();
      expect(await target.importFrom('--format', 'data-inclusion', ...files)).toBe(0);
      expect(target.out).toContain(
        `Importées : ${before.length} (créées 0, mises à jour 0, déjà à jour ${before.length})`,
      );
      expect(await (stores[1] as DirectoryStore).feedHead()).toEqual(head);
    },
  );
});

describe('npm run import -- --format data-inclusion', () => {
  async function exportedCsv(): Promise<{ dir: string; header: string; lines: string[] }> {
    const { exportTo } = cli(await demoStore());
    const dir = await tempDir();
    await exportTo('--format', 'data-inclusion', '--out', dir, '--tout');
    const [header = '', ...lines] = (await readFile(join(dir, 'structures.csv'), 'utf8')).trimEnd().split('\r\n');
    return { dir, header, lines };
  }

  it('writes the valid rows together, lists each invalid one with its line, field and reason', async () => {
    const { dir, header, lines } = await exportedCsv();
    const bad = (lines[1] ?? '').replace(/,\d{5},/, ',6900,');
    const file = join(dir, 'mixed.csv');
    await writeFile(file, [header, lines[0], bad, lines[2]].join('\r\n'));
    const store = openSqliteStore({ path: ':memory:' });
    const { importFrom, out } = cli(store);
    expect(await importFrom('--format', 'data-inclusion', file)).toBe(0);
    expect(out).toContain('Importées : 2 (créées 2, mises à jour 0, déjà à jour 0)');
    expect(out).toContain('Rejetées : 1');
    expect(out.find((l) => l.includes('mixed.csv, ligne 3'))).toMatch(/code_postal : Code postal attendu/);
    expect(await store.counts()).toEqual({ structures: 2, services: 0 });
  });

  it('exits non-zero and writes nothing when no record can be imported', async () => {
    const file = join(await tempDir(), 'orphans.json');
    await writeFile(
      file,
      JSON.stringify([
        {
          source: 'autre',
          id: 'autre--1',
          structure_id: 'autre--404',
          nom: 'Sans structure',
          description: 'Un service orphelin.',
          date_maj: '2026-01-01',
        },
      ]),
    );
    const store = openSqliteStore({ path: ':memory:' });
    const { importFrom, err, out } = cli(store);
    expect(await importFrom('--format', 'data-inclusion', file)).toBe(1);
    expect(out.join('\n')).toMatch(/services\[0\] \(service autre--1\) : structure_id : Structure inconnue/);
    expect(err).toContain('Erreur : aucune fiche n’a pu être importée.');
    expect((await store.feedHead()).lastSeq).toBe(0);
  });

  it('is an attributed change that devices pull: new seqs, history by « Import ou administration »', async () => {
    const { dir } = await exportedCsv();
    const store = createMemoryStore();
    const { importFrom } = cli(store);
    expect(await importFrom('--format', 'data-inclusion', join(dir, 'structures.csv'))).toBe(0);
    const page = await store.pull({ cursor: 0, limit: 1000, reader: SERVER_READER });
    expect(page.entries.length).toBe(demo.structures.length);
    const [first] = demo.structures;
    const [line] = await store.history({ kind: 'structure', id: first?.id ?? '', limit: 5 });
    expect(line).toMatchObject({ action: 'creation', at: NOW.toISOString(), by: { nom: 'Import ou administration' } });
  });

  it('refuses bad usage with exit code 2 and the usage', async () => {
    const { importFrom, exportTo, err } = cli(createMemoryStore());
    expect(await importFrom('--format', 'hsds', 'x.json')).toBe(2);
    expect(err.join('\n')).toMatch(/Usage : npm run import/);
    expect(await importFrom('--format', 'data-inclusion')).toBe(2);
    expect(await exportTo('--format', 'data-inclusion')).toBe(2);
    expect(await exportTo('--format', 'csv', '--out', 'x')).toBe(2);
  });
});
