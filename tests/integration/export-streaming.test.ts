// The data·inclusion export is sent as it is read (server/interop/export-directory.ts): the store is read in pages,
// the answer leaves in chunks, and the whole is the same file as before — so a national directory can be exported
// without the server holding it in memory.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportDataInclusion, writeDataInclusionFiles } from '../../server/interop/export-directory.ts';
import { diCsv, diJson } from '../../src/interop/data-inclusion-files.ts';
import { makeDirectory } from './fixtures/directory-fixture.ts';
import { makeTestApp } from './fixtures/test-app.ts';

describe('the data·inclusion export, streamed', () => {
  it('reads the store page by page and answers in chunks that make the same file as a whole export', async () => {
    const { app, store } = await makeTestApp({ fixture: makeDirectory(600, 2) });
    const whole = await exportDataInclusion(store, 'public');
    expect(whole.services.length).toBe(1200);
    const listServices = vi.spyOn(store, 'listServices');
    const response = await app.request('/api/v1/export/data-inclusion/services.json');
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      chunks++;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(diJson(whole.services));
    expect(listServices.mock.calls.length).toBeGreaterThan(1);
    expect(Math.max(...listServices.mock.calls.map(([query]) => query.limit))).toBeLessThanOrEqual(500);
  });

  it('writes the same four files as the whole export, with the counts the command prints', async () => {
    const { store } = await makeTestApp({ fixture: makeDirectory(30, 3) });
    const dir = await mkdtemp(join(tmpdir(), 'boussole-export-'));
    try {
      const written = await writeDataInclusionFiles(dir, store, 'tout');
      const whole = await exportDataInclusion(store, 'tout');
      expect([written.structures, written.services]).toEqual([30, 90]);
      expect(await readFile(join(dir, 'services.json'), 'utf8')).toBe(diJson(whole.services));
      expect(await readFile(join(dir, 'structures.csv'), 'utf8')).toBe(diCsv('structure', whole.structures));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
