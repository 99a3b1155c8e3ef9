import { basename } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

interface ModuleGraph {
  getModuleInfo(id: string): { importers: readonly string[]; isEntry: boolean } | null;
}

/**
 * The screens that open the app on a device, each with the lazy code its first paint needs: that code is one chunk
 * per screen instead of the few dozen small ones the automatic splitting makes of modules shared between screens.
 * Offline, every chunk is one request answered by the service worker, whose thread and the page's each spend
 * a few milliseconds per request: at a cold start on a tablet they are most of the time between the first
 * script and the first paint. The catalog (matching engine and search) comes first, as the directory's screen
 * loads it at once; a module the entry script imports stays in the entry.
 */
const FIRST_SCREEN_CHUNKS: Array<[name: string, root: RegExp]> = [
  ['catalog', /\/src\/ui\/directory\/catalog-model\.ts$/],
  ['directory-screen', /\/src\/ui\/directory\/DirectoryScreen\.tsx$/],
  ['partner-sheet', /\/src\/ui\/partner-sheet\/StructureScreen\.tsx$/],
  // What the sheet loads as it shows: the partner, read from the device.
  ['directory-repo', /\/src\/db\/directory-repo\.ts$/],
  // The sync's code, loaded after the first paint of every screen: a root of its own, so that a module it shares
  // with the sheet (an API error, a record's words) goes to sheet-shared instead of making every screen load the
  // sheet's chunk.
  ['sync-wiring', /\/src\/ui\/sync\/sync-wiring\.ts$/],
  // The form kit (fields, error summary, focus on the first error): most screens with a form use it, the sign-in
  // screen among them, and none of them should load the sheet's chunk for it.
  ['forms', /\/src\/ui\/components\/(FormFields\.tsx|ErrorSummary\.tsx|use-focus-first-error\.ts)$/],
];

/** The chunks of FIRST_SCREEN_CHUNKS asked for as the app starts, before any screen is drawn. */
const OPENING_CHUNKS = ['catalog', 'directory-screen', 'partner-sheet'];

/** The chunks a partner sheet loads: never one with the search engine. */
const SHEET_ROOTS = new Set(['partner-sheet', 'directory-repo']);

/**
 * What the partner sheet's chunks share with the others (records, hours, words) is a chunk of its own: a sheet
 * opened from its link, on a first visit, downloads and runs neither the search engine nor the Annuaire's screen
 * before it shows the partner and its actions to come.
 */
const SHARED_WITH_SHEET = 'sheet-shared';

/**
 * The page's turn and lists drawn in steps: the Annuaire's screen uses them, and so do lazy screens and models (the
 * agenda's, the proposals', the campaigns') that would otherwise load the Annuaire's chunk, and with it the search
 * engine, for them. In sheet-shared, which the Annuaire and those screens load anyway.
 */
const PAGE_TURN_KIT = /\/src\/ui\/components\/(page-turn|use-in-steps)\.ts$/;

/**
 * The chunk a module goes to: the form kit's when the kit imports it (it keeps what it shares with the sheet, which
 * sheet-shared would otherwise take), sheet-shared for the page-turn kit, else the first of FIRST_SCREEN_CHUNKS whose
 * root imports it statically, else null.
 */
function firstScreenChunk(id: string, graph: ModuleGraph): string | null {
  const roots = statically(id, graph);
  if (roots.has('entry')) return null;
  if (roots.has('forms')) return 'forms';
  if (PAGE_TURN_KIT.test(id)) return SHARED_WITH_SHEET;
  if (roots.size > 1 && [...roots].some((root) => SHEET_ROOTS.has(root))) return SHARED_WITH_SHEET;
  for (const [name] of FIRST_SCREEN_CHUNKS) if (roots.has(name)) return name;
  return null;
}

/** Which roots (chunk names, or 'entry') reach `id` through static imports only. */
function statically(id: string, graph: ModuleGraph): Set<string> {
  const roots = new Set<string>();
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const info = graph.getModuleInfo(next);
    if (info?.isEntry) roots.add('entry');
    for (const [name, root] of FIRST_SCREEN_CHUNKS) if (root.test(next)) roots.add(name);
    for (const importer of info?.importers ?? []) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return roots;
}

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: 'Boussole — orienter vers une alimentation solidaire',
        short_name: 'Boussole',
        description:
          "L'annuaire des partenaires de l'aide alimentaire et de l'alimentation solidaire de la Métropole de Lyon, utilisable sans réseau.",
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5d50',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The download's worker is a module worker (src/ui/boot.ts): as ES modules its code is split like the page's.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // A lazy screen's chunk brings its imports itself. Vite's helper would add a <link rel=modulepreload> per import
    // to the page at each first opening (17 for Couverture): about 60 ms of the page's thread at 4x CPU, inside the
    // task that draws the screen, to fetch files the service worker already holds. Its stylesheets are still added.
    // The chunks that open the app are the exception: asked for as the entry runs, their imports (sheet-shared) are
    // fetched with them rather than once they have arrived, a round trip through the starting service worker later.
    modulePreload: {
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || OPENING_CHUNKS.some((name) => basename(file).startsWith(`${name}-`)) ? deps : [],
    },
    rolldownOptions: {
      // A group holds only the modules its root reaches, all of them: the entry's stay in the entry.
      output: {
        codeSplitting: {
          groups: [
            {
              name: (id, graph) => firstScreenChunk(id, graph),
              debugName: 'first-screen',
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
