// The data·inclusion export and the imports over HTTP, in-process: the export shows each reader what the
// app shows it and validates against the published JSON Schemas (ajv); an import is for coordinators, reports each
// invalid row with its field, writes nothing half, and its listings reach the directory feed under the
// coordinator's name.
import { describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT } from '../../server/http/interop-routes.ts';
import { SERVER_READER } from '../../server/sync/visibility.ts';
import { apiErrorSchema } from '../../src/domain/api-error.ts';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { parseCsv } from '../../src/interop/csv.ts';
import { dataInclusionValidators } from '../fixtures/data-inclusion-validators.ts';
import { makeDirectory, makeService, makeStructure } from './fixtures/directory-fixture.ts';
import { postJson, push, signInAs } from './fixtures/http-client.ts';
import { update } from './fixtures/sync-fixture.ts';
import { jsonOf, makeTestApp } from './fixtures/test-app.ts';

type Rec = Record<string, unknown>;

/** Two public partners and one for professionals only (with its service). */
function fixture() {
  const base = makeDirectory(2, 1);
  base.structures.push(makeStructure(3, { visibilite: 'professionnels' }));
  base.services.push(makeService(3, 'test--s003'));
  return base;
}

async function withAccounts() {
  const test = await makeTestApp({ fixture: fixture() });
  const coordinator = await signInAs(test.app, test.store, { role: 'coordinateur', nom: 'Claire' });
  const worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Théo' });
  const partner = await signInAs(test.app, test.store, {
    role: 'partenaire',
    nom: 'Épicerie 1',
    structure_id: 'test--s001',
  });
  return { ...test, coordinator, worker, partner };
}

const ids = (records: unknown) => (records as Rec[]).map((r) => String(r.id)).sort();

const importBody = (format: string, files: Array<{ name: string; content: string }>) => ({
  protocol: PROTOCOL_VERSION,
  format,
  files,
});

describe('GET /api/v1/export/data-inclusion/…', () => {
  it('gives anonymous readers the public listings only, as an attachment valid for the JSON Schemas', async () => {
    const { app } = await withAccounts();
    const validate = dataInclusionValidators();
    const response = await app.request('/api/v1/export/data-inclusion/structures.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="structures.json"');
    const structures = (await jsonOf(response)) as Rec[];
    expect(ids(structures)).toEqual(['test--s001', 'test--s002']);
    for (const s of structures) expect(validate.structure(s), JSON.stringify(validate.structure.errors)).toBe(true);
    const services = (await jsonOf(await app.request('/api/v1/export/data-inclusion/services.json'))) as Rec[];
    expect(services).toHaveLength(2);
    for (const v of services) expect(validate.service(v), JSON.stringify(validate.service.errors)).toBe(true);
  });

  it('gives signed-in professionals the professionals-only listings too; a partner only its own besides the public', async () => {
    const { app, coordinator, worker, partner } = await withAccounts();
    for (const device of [coordinator, worker]) {
      const response = await app.request('/api/v1/export/data-inclusion/structures.json', { headers: device.auth });
      expect(ids(await jsonOf(response))).toEqual(['test--s001', 'test--s002', 'test--s003']);
    }
    const theirs = await app.request('/api/v1/export/data-inclusion/structures.json', { headers: partner.auth });
    expect(ids(await jsonOf(theirs))).toEqual(['test--s001', 'test--s002']);
  });

  it('serves CSV in the command’s format (a header of data·inclusion fields, one row per record)', async () => {
    const { app, worker } = await withAccounts();
    const response = await app.request('/api/v1/export/data-inclusion/services.csv', { headers: worker.auth });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="services.csv"');
    const parsed = parseCsv(await response.text());
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows[0]?.cells).toContain('structure_id');
    expect(parsed.rows).toHaveLength(1 + 3);
  });

  it('lets no cell a partner wrote run as a formula in a spreadsheet, and reads its own export back unchanged', async () => {
    const { app, store, partner, coordinator } = await withAccounts();
    const hostile = {
      nom: '=HYPERLINK("https://evil.example";"Cliquez")',
      telephone: '+33 4 72 10 20 30',
      description: '- ouvert le soir, @SUM(1+1) sinon',
      longitude: -0.57,
    };
    const before = await store.getStructure('test--s001', SERVER_READER);
    const service = before?.services[0];
    if (!before || !service) throw new Error('fixture: test--s001 and its service');
    const base = Object.fromEntries(
      Object.keys(hostile).map((f) => [f, before.structure[f as keyof typeof hostile] ?? null]),
    );
    const answer = await push(app, partner, [
      update(1, 'structure', 'test--s001', base, hostile),
      update(2, 'service', service.id, { description: service.description }, { description: '@SUM(1+1) le mardi' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const files: Array<{ name: string; content: string }> = [];
    for (const name of ['structures.csv', 'services.csv']) {
      const response = await app.request(`/api/v1/export/data-inclusion/${name}`);
      files.push({ name, content: await response.text() });
    }
    const [structures = '', services = ''] = files.map((f) => f.content);
    // What a spreadsheet sees: each risky cell quoted and led by an apostrophe, none starting a formula.
    expect(structures).toContain(`,"'=HYPERLINK(""https://evil.example"";""Cliquez"")",`);
    expect(structures).toContain(`,"'+33 4 72 10 20 30",`);
    expect(structures).toContain(`,"'- ouvert le soir, @SUM(1+1) sinon",`);
    expect(structures).toContain(',-0.57,');
    expect(services).toContain(`,"'@SUM(1+1) le mardi",`);
    for (const text of files.map((f) => f.content)) expect(text).not.toMatch(/(^|,)[=+@]|,-[^0-9]/m);

    // Boussole's own CSV imported back: every value as the partner wrote it, nothing to change.
    const response = await postJson(app, '/api/v1/import', importBody('data-inclusion', files), coordinator.auth);
    const { report } = (await jsonOf(response)) as { report: Rec };
    expect(report).toMatchObject({ lus: 4, creees: 0, modifiees: 0, rejetees: [] });
    expect((await store.getStructure('test--s001', SERVER_READER))?.structure).toMatchObject({
      ...hostile,
      version: 2,
    });
  });

  it('refuses an unknown file (404) and a bad token (401)', async () => {
    const { app } = await withAccounts();
    expect((await app.request('/api/v1/export/data-inclusion/actions.json')).status).toBe(404);
    const bad = await app.request('/api/v1/export/data-inclusion/services.json', {
      headers: { Authorization: `Bearer ${'x'.repeat(40)}` },
    });
    expect(bad.status).toBe(401);
  });
});

describe('POST /api/v1/import', () => {
  it('by a coordinator, creates the listings of a data·inclusion file; they reach the directory feed, attributed to the coordinator', async () => {
    const { app, store, coordinator, worker } = await withAccounts();
    // What another Boussole exported, under another source: new listings here.
    const exported = (await jsonOf(
      await app.request('/api/v1/export/data-inclusion/structures.json', { headers: worker.auth }),
    )) as Rec[];
    const incoming = exported.map((s) => ({ ...s, source: 'ailleurs', id: String(s.id).replace('test--', '') }));
    const response = await postJson(
      app,
      '/api/v1/import',
      importBody('data-inclusion', [{ name: 'structures.json', content: JSON.stringify(incoming) }]),
      coordinator.auth,
    );
    expect(response.status).toBe(200);
    const answer = (await jsonOf(response)) as { format: string; report: Rec };
    expect(answer.format).toBe('data-inclusion');
    expect(answer.report).toMatchObject({ lus: 3, creees: 3, modifiees: 0, rejetees: [] });

    const feed = directoryPageSchema.parse(
      await jsonOf(await app.request('/api/v1/directory?cursor=0&limit=500', { headers: worker.auth })),
    );
    const created = feed.entries.flatMap((e) => (e.kind === 'structure' ? [e.record.id] : []));
    expect(created).toEqual(expect.arrayContaining(['ailleurs--s001', 'ailleurs--s002', 'ailleurs--s003']));
    const history = await store.history({ kind: 'structure', id: 'ailleurs--s001', limit: 5 });
    expect(history[0]?.by).toEqual({ account_id: coordinator.account.id, nom: 'Claire' });
  });

  it('refuses workers and partners (403) and anonymous requests (401)', async () => {
    const { app, worker, partner } = await withAccounts();
    const body = importBody('data-inclusion', [{ name: 'structures.json', content: '[]' }]);
    for (const device of [worker, partner]) {
      const response = await postJson(app, '/api/v1/import', body, device.auth);
      expect([response.status, apiErrorSchema.parse(await jsonOf(response)).error.code]).toEqual([403, 'forbidden']);
    }
    expect((await postJson(app, '/api/v1/import', body)).status).toBe(401);
  });

  it('reports each invalid row with its line, field and reason, and writes nothing when all are invalid', async () => {
    const { app, store, coordinator } = await withAccounts();
    const before = await store.page(0, 1000);
    const csv = ['source,id,nom,siret', 'ailleurs,x1,,', 'ailleurs,x2,Sans date,123'].join('\n');
    const response = await postJson(
      app,
      '/api/v1/import',
      importBody('data-inclusion', [{ name: 'structures.csv', content: csv }]),
      coordinator.auth,
    );
    expect(response.status).toBe(200);
    const { report } = (await jsonOf(response)) as {
      report: { lus: number; creees: number; rejetees: Array<{ position: string; problems: Rec[] }> };
    };
    expect([report.lus, report.creees, report.rejetees.length]).toEqual([2, 0, 2]);
    expect(report.rejetees.map((r) => r.position)).toEqual(['structures.csv, ligne 2', 'structures.csv, ligne 3']);
    for (const r of report.rejetees) {
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) expect(p).toEqual({ path: expect.any(String), message: expect.any(String) });
    }
    expect((await store.page(0, 1000)).entries).toHaveLength(before.entries.length);
  });

  it('answers 400 for an unreadable file or a malformed body, 413 beyond the size limit', async () => {
    const { app, coordinator } = await withAccounts();
    const unreadable = await postJson(
      app,
      '/api/v1/import',
      importBody('data-inclusion', [{ name: 'structures.json', content: '{ pas du json' }]),
      coordinator.auth,
    );
    expect(unreadable.status).toBe(400);
    expect(apiErrorSchema.parse(await jsonOf(unreadable)).error.problems?.[0]?.path).toBe('files');
    const malformed = await postJson(app, '/api/v1/import', importBody('csv', []), coordinator.auth);
    expect(
      apiErrorSchema
        .parse(await jsonOf(malformed))
        .error.problems?.map((p) => p.path)
        .sort(),
    ).toEqual(['files', 'format']);
    const huge = await postJson(
      app,
      '/api/v1/import',
      importBody('data-inclusion', [{ name: 'structures.json', content: 'x'.repeat(IMPORT_BODY_LIMIT) }]),
      coordinator.auth,
    );
    expect([huge.status, apiErrorSchema.parse(await jsonOf(huge)).error.code]).toEqual([413, 'payload_too_large']);
  });
});
