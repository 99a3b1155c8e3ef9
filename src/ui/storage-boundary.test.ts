// The screens and their models reach the device's database only through src/db (its repositories, local-edits.ts,
// live-read.ts), so that how a table is stored changes in one place. They may hold the database as a type, to
// hand it to those functions, and nothing else of it: no Dexie, no table, no transaction of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoussoleDatabase } from '../db/database.ts';

const UI = join(import.meta.dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    // Tests build their device's state directly, as the repositories' own tests do.
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sources(UI).map((path) => ({ path: relative(UI, path), text: readFileSync(path, 'utf8') }));
const tables = new BoussoleDatabase('storage-boundary-names').tables.map((t) => t.name);

/** Every `import … from '<spec>'`, `export … from '<spec>'` and `import('<spec>')` of a file, with its clause. */
function imports(text: string): Array<{ clause: string; spec: string }> {
  const found: Array<{ clause: string; spec: string }> = [];
  for (const m of text.matchAll(/\b(?:import|export)\s+([^;]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    found.push({ clause: m[1] ?? '', spec: m[2] ?? '' });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ clause: '', spec: m[1] ?? '' });
  return found;
}

describe('src/ui reaches the device database only through src/db', () => {
  it('reads the sources it checks (the check cannot pass on an empty list)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(tables).toEqual(expect.arrayContaining(['structures', 'services', 'outbox']));
  });

  it('never imports Dexie', () => {
    const offending = files.filter((f) =>
      imports(f.text).some((i) => i.spec === 'dexie' || i.spec.startsWith('dexie/')),
    );
    expect(offending.map((f) => f.path)).toEqual([]);
  });

  it('imports the database module only for the type of the handle it passes to src/db', () => {
    const offending = files.flatMap((f) =>
      imports(f.text)
        .filter((i) => /(^|\/)db\/database(\.ts)?$/.test(i.spec))
        .filter((i) => !/^type\s*\{\s*BoussoleDatabase\s*\}$/.test(i.clause))
        .map((i) => `${f.path}: ${i.clause} from '${i.spec}'`),
    );
    expect(offending).toEqual([]);
  });

  it('never touches a table or opens a transaction itself', () => {
    const direct = new RegExp(
      `\\bdb\\s*\\.\\s*(?:${[...tables, 'tables', 'table', 'transaction', 'backendDB'].join('|')})\\b`,
    );
    const offending = files.filter((f) => direct.test(f.text) || /\bliveQuery\b/.test(f.text)).map((f) => f.path);
    expect(offending).toEqual([]);
  });
});
