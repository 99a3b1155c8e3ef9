// Compiles the server to one JavaScript file, dist-server/main.mjs, so that the running server loads no
// TypeScript transpiler: `npm start` and the browser tests run this file. Our own modules (server/ and the parts of
// src/ it shares with the app, with their JSON reference data) are bundled; packages stay imports resolved from
// node_modules, since better-sqlite3 is a native addon. The source map keeps logged stack frames pointing at the
// TypeScript sources (node --enable-source-maps). `--outdir` builds elsewhere in the repository (the tests do);
// outside it the packages would not resolve.
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist-server' } } });

await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: values.outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
