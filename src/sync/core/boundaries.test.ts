// The arrows between the device's folders, read from the source: src/db leans on the pure sync core and on nothing
// else of src/sync (which itself uses src/db), so the two never import each other; and the core imports only pure
// code — no package, no Dexie, no DOM — so that it stays testable as data in, data out, and compiled with
// tsconfig.pure.json, which refuses browser and Node APIs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CORE = 'src/sync/core';

/** The folders tsconfig.pure.json compiles: code with no browser or Node API. */
function pureFolders(): string[] {
  const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.pure.json'), 'utf8')) as { include: string[] };
  return config.include.filter((path) => !path.includes('*'));
}

/** The modules `file` imports (static, dynamic, re-exports, types included), as paths from the repository root. */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] as string,
  );
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier,
  );
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => join(folder, path));
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Every import from a file under `folder` that `allowed` refuses, as "file -> import". */
function violations(folder: string, allowed: (target: string) => boolean): string[] {
  return sourcesUnder(folder).flatMap((file) =>
    importsOf(file, readFileSync(join(ROOT, file), 'utf8'))
      .filter((target) => !allowed(target))
      .map((target) => `${file} -> ${target}`),
  );
}

describe('the boundaries of the sync core', () => {
  it('src/db imports nothing of src/sync but its pure core', () => {
    const allowed = (target: string) => !inside(target, 'src/sync') || inside(target, CORE);
    expect(violations('src/db', allowed)).toEqual([]);
  });

  it('src/sync/core imports only pure code: no package, no src/db, no transport', () => {
    const pure = pureFolders();
    expect(pure).toContain(CORE);
    const allowed = (target: string) => pure.some((folder) => inside(target, folder));
    expect(violations(CORE, allowed)).toEqual([]);
  });

  it('reads every kind of import, so that a forbidden one cannot slip through', () => {
    const source = [
      "import type { A } from '../sync/push.ts';",
      'import {\n  b,\n  c,\n} from "dexie";',
      "export { d } from './d.ts';",
      "const e = await import('../ui/e.ts');",
      "import './side-effect.ts';",
    ].join('\n');
    expect(importsOf('src/db/x.ts', source)).toEqual([
      'src/sync/push.ts',
      'dexie',
      'src/db/d.ts',
      'src/ui/e.ts',
      'src/db/side-effect.ts',
    ]);
  });
});
