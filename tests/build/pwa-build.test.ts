// The app build is what users install: it must emit the service worker, precache the shell (HTML, JS, CSS,
// icons and the manifest) once each, and stay within the bundle budget a first visit on 4G can afford.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frCoverage } from '../../src/ui/coverage/strings-coverage.ts';
import { frOrientation } from '../../src/ui/orientation/strings-orientation.ts';
import { frSheet } from '../../src/ui/partner-sheet/strings-sheet.ts';
import { HANDOUT_LANGUAGES, loadWords } from '../../src/ui/text/handout-language.ts';
import { frListings } from '../../src/ui/text/strings-listings.ts';
import { frReasons } from '../../src/ui/text/strings-reasons.ts';

/** gzip size budget of the app's JavaScript on first load (see README, "Budget"). */
const JS_BUDGET_GZIP = 70 * 1024;

let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'boussole-build-'));
  // Production mode, as `npm run build`: vitest sets NODE_ENV=test, which would build development variants. `mode`
  // alone is not enough: the JSX transform reads NODE_ENV and emitted the development runtime (file names and line
  // numbers in every element, about 5 kB gzip more than what users download), so NODE_ENV is set for the build too.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    process.env.NODE_ENV = previous;
  }
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The JavaScript files the first load fetches: the entry script and the chunks index.html preloads. */
function firstLoad(): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

function precacheUrls(): string[] {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"?url"?:\s*"([^"]+)",\s*"?revision"?:/g)].map((m) => m[1] ?? '');
}

/** The chunks whose file names start with `prefixes`, and every chunk they import statically. */
function reachedFrom(prefixes: readonly string[]): Set<string> {
  const assets = readdirSync(join(outDir, 'assets')).filter((a) => a.endsWith('.js'));
  const roots = prefixes.map((name) => assets.find((a) => a.startsWith(name)));
  expect(roots).not.toContain(undefined);
  const reached = new Set<string>();
  const queue = roots.map((chunk) => chunk ?? '');
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (reached.has(next)) continue;
    reached.add(next);
    const code = readFileSync(join(outDir, 'assets', next), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(m[1] ?? '');
  }
  return reached;
}

describe('the PWA build', () => {
  it('emits a service worker that precaches the shell and the manifest, each once', () => {
    const urls = precacheUrls();
    const assets = readdirSync(join(outDir, 'assets'));
    expect(urls).toContain('index.html');
    for (const asset of assets.filter((a) => a.endsWith('.js') || a.endsWith('.css'))) {
      expect(urls).toContain(`assets/${asset}`);
    }
    expect(urls).toEqual(expect.arrayContaining(['icons/icon-192.png', 'icons/icon-512.png', 'icons/icon.svg']));
    expect(urls.filter((u) => u.endsWith('.webmanifest'))).toEqual(['manifest.webmanifest']);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('serves index.html for navigations (deep links offline) but never for the API', () => {
    const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
    expect(sw).toContain('createHandlerBoundToURL("/index.html")');
    expect(sw).toMatch(/denylist:\s*\[\/\^\\\/api\\\/\/\]/);
    // An update waits for the person: no skipWaiting() call at install, only on the SKIP_WAITING message.
    expect(sw).toContain('SKIP_WAITING');
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(sw).toMatch(/SKIP_WAITING[^}]*skipWaiting\(\)/);
  });

  it('ships a manifest with French name, standalone display and a maskable icon', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.webmanifest'), 'utf8')) as {
      lang: string;
      display: string;
      start_url: string;
      icons: Array<{ src: string; sizes: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ lang: 'fr', display: 'standalone', start_url: '/' });
    expect(manifest.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192' }),
        expect.objectContaining({ sizes: '512x512', purpose: 'maskable' }),
      ]),
    );
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('rel="manifest"');
  });

  it(`keeps the JavaScript of the first load under ${JS_BUDGET_GZIP / 1024} kB gzip`, () => {
    // What the first load fetches: the entry script and the chunks index.html preloads. Lazy chunks (the
    // matching engine, opening_hours) load after the first paint and are precached.
    const initial = firstLoad();
    expect(initial.length).toBeGreaterThan(0);
    const total = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
    expect(total).toBeLessThan(JS_BUDGET_GZIP);
    // The hours library never rides on the first load.
    expect(initial.some((file) => file.includes('opening_hours'))).toBe(false);
  });

  it("keeps the other screens' text and the record schemas out of the first load, in precached chunks", () => {
    const initial = firstLoad().map((file) => readFileSync(join(outDir, file), 'utf8'));
    const lazy = readdirSync(join(outDir, 'assets')).filter((a) => a.endsWith('.js'));
    const urls = precacheUrls();
    // The sentences as written in the source (a build keeps string literals as they are).
    const sentences = [frCoverage, frListings, frOrientation, frReasons, frSheet].flatMap((words) =>
      Object.values(words).filter((v): v is string => typeof v === 'string' && v.length > 30),
    );
    expect(sentences.length).toBeGreaterThan(20);
    for (const sentence of sentences) {
      expect(
        initial.some((js) => js.includes(sentence)),
        sentence,
      ).toBe(false);
      const holder = lazy.find((a) => readFileSync(join(outDir, 'assets', a), 'utf8').includes(sentence));
      expect(holder, sentence).toBeDefined();
      expect(urls, sentence).toContain(`assets/${holder}`);
    }
    // A message only the service's schema writes: records are parsed by the lazy chunks and the pull worker.
    expect(initial.some((js) => js.includes('age_min'))).toBe(false);
  });

  it('opens a partner sheet without the search engine: its chunks and what they import never carry MiniSearch', () => {
    const assets = readdirSync(join(outDir, 'assets')).filter((a) => a.endsWith('.js'));
    // The sheet's chunk and the models it loads as it shows (its actions, what keeps a listing true), and every
    // chunk they import statically.
    const reached = reachedFrom(['partner-sheet-', 'agenda-model-', 'listing-actions-']);
    expect(reached.size).toBeGreaterThan(2);
    const engine = assets.filter((a) => readFileSync(join(outDir, 'assets', a), 'utf8').includes('MiniSearch: '));
    expect(engine.length).toBeGreaterThan(0);
    for (const chunk of engine) expect(reached, chunk).not.toContain(chunk);
  });

  it('fetches the imports of the chunks that open the app with them, and only theirs', () => {
    const entry = firstLoad().find((file) => /\/index-[^/]+\.js$/.test(file));
    const code = readFileSync(join(outDir, entry ?? ''), 'utf8');
    // Vite's helper lists, for each lazy import, the files to fetch alongside (indices into one table of files).
    const files = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(code)?.[1] ?? '[]') as string[];
    const alongside = new Map(
      [
        ...code.matchAll(
          /import\(`\.\/([\w-]+?)-[\w-]{8}\.js`\)(?:(?!import\()[^;])*?__vite__mapDeps\(\[([\d,]*)\]\)/g,
        ),
      ].map((m) => [m[1] ?? '', (m[2] ?? '').split(',').map((i) => files[Number(i)] ?? '')]),
    );
    // The Annuaire's screen and the catalog import sheet-shared: without it fetched alongside, it was asked for only
    // once they had arrived, a round trip through the starting service worker later.
    for (const opening of ['directory-screen', 'catalog']) {
      expect(
        alongside.get(opening)?.some((f) => f.includes('/sheet-shared-')),
        opening,
      ).toBe(true);
    }
    // Other screens bring their imports themselves: only their stylesheets are added with them.
    expect(alongside.get('CoverageScreen')?.every((f) => f.endsWith('.css'))).toBe(true);
  });

  it.each([
    // What the sync shares with the sheet (an API error, a record's words) is in sheet-shared, a chunk of records.
    [
      'the sync code, which every screen loads after its first paint',
      'sync-wiring-',
      /^(partner-sheet|directory-screen|catalog)-/,
    ],
    // The form kit is the sheet's too (vite.config.ts): a first visit to sign in loads 19 kB instead of 78.
    ['the sign-in screen', 'SignInScreen-', /^(partner-sheet|sheet-shared|directory-screen|catalog)-/],
  ])('loads with %s no chunk of the screens that open the app', (_, chunk, screen) => {
    expect([...reachedFrom([chunk])].filter((c) => screen.test(c))).toEqual([]);
  });

  it('keeps each translation of the handout out of the first load, in its own precached chunk', async () => {
    const initial = firstLoad().map((file) => readFileSync(join(outDir, file), 'utf8'));
    const lazy = readdirSync(join(outDir, 'assets')).filter((a) => a.endsWith('.js'));
    const urls = precacheUrls();
    for (const { code } of HANDOUT_LANGUAGES.filter((l) => l.code !== 'fr')) {
      const { title, welcome } = await loadWords(code);
      expect(
        initial.some((js) => js.includes(title)),
        code,
      ).toBe(false);
      // Found as written in exactly one chunk (so the search above can find it), which opens offline.
      const holders = lazy.filter((a) => readFileSync(join(outDir, 'assets', a), 'utf8').includes(welcome));
      expect(holders, code).toHaveLength(1);
      expect(urls, code).toContain(`assets/${holders[0]}`);
      // Only that language: choosing Arabic does not download Tigrinya.
      const other = await loadWords(code === 'ti' ? 'ar' : 'ti');
      expect(readFileSync(join(outDir, 'assets', holders[0] ?? ''), 'utf8')).not.toContain(other.welcome);
    }
  });
});
