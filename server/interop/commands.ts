// `npm run export -- --format data-inclusion --out <dir> [--tout]` and `npm run import -- --format
// <data-inclusion|boussole-2019> <fichier>…`, run on the BOUSSOLE_DB file by server/export.ts and server/import.ts
// (kept apart so that tests run them on a store in memory). Reports are French lines on `out`; exit code 0, 1
// (failure, or nothing could be imported) or 2 (bad usage). An import is attributed to « Import ou
// administration » in each listing's history and reaches devices at their next sync.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandContext } from '../command-line.ts';
import { SYSTEM_AUTHOR_ID } from '../sync/decision.ts';
import { writeDataInclusionFiles } from './export-directory.ts';
import { type ImportReport, importBoussole2019, importDataInclusion } from './import-directory.ts';

export type InteropContext = CommandContext;

export const EXPORT_USAGE = [
  'Usage : npm run export -- --format data-inclusion --out <dossier> [--tout]',
  '  écrit structures.json, services.json, structures.csv et services.csv (data·inclusion v1) ;',
  '  fiches publiques seulement, ou toutes les fiches (réservé aux professionnels) avec --tout',
];
export const IMPORT_USAGE = [
  'Usage : npm run import -- --format data-inclusion|boussole-2019 <fichier> [<fichier>…]',
  '  data-inclusion : fichiers JSON ou CSV de structures et de services (v1), importés ensemble',
  '  boussole-2019 : le CSV du prototype de 2019 (nouvelles fiches « proposées », à valider)',
];

class UsageError extends Error {}

function options(argv: string[], spec: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: true });
  } catch (error) {
    const option = /'(-[^']*)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '?';
    throw new UsageError(`Option inconnue ou sans valeur : ${option}`);
  }
}

async function runCommand(ctx: InteropContext, usage: string[], body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    ctx.err(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) {
      for (const line of usage) ctx.err(line);
      return 2;
    }
    return 1;
  }
}

export function runExport(ctx: InteropContext, argv: string[]): Promise<number> {
  return runCommand(ctx, EXPORT_USAGE, async () => {
    const { values, positionals } = options(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      tout: { type: 'boolean' },
    });
    if (values.format !== 'data-inclusion') throw new UsageError('--format : « data-inclusion » attendu');
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out : dossier attendu');
    if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
    const written = await writeDataInclusionFiles(values.out, ctx.store, values.tout ? 'tout' : 'public');
    ctx.out(
      `Export data·inclusion v1 (${values.tout ? 'toutes les fiches, réservé aux professionnels' : 'fiches publiques'}) : ` +
        `${written.structures} structures, ${written.services} services.`,
    );
    for (const path of written.paths) ctx.out(`  ${path}`);
    return 0;
  });
}

function printReport(ctx: InteropContext, report: ImportReport): void {
  const imported = report.creees + report.modifiees + report.inchangees;
  ctx.out(`Fiches lues : ${report.lus}`);
  ctx.out(
    `Importées : ${imported} (créées ${report.creees}, mises à jour ${report.modifiees}, déjà à jour ${report.inchangees})`,
  );
  if (report.supprimees > 0) ctx.out(`Ignorées car supprimées dans Boussole : ${report.supprimees}`);
  if (report.horairesConverties !== undefined) {
    ctx.out(`Horaires convertis au format OpenStreetMap : ${report.horairesConverties}`);
  }
  ctx.out(`Horaires à vérifier (texte d’origine conservé) : ${report.horairesAVerifier}`);
  if (report.sansHoraires !== undefined) ctx.out(`Sans horaires : ${report.sansHoraires}`);
  const unmapped = Object.entries(report.categoriesSansEquivalent ?? {});
  if (unmapped.length > 0) {
    ctx.out(`Catégories sans équivalent : ${unmapped.map(([label, n]) => `${label} (${n})`).join(', ')}`);
  }
  const dropped = Object.entries(report.valeursIllisibles ?? {});
  if (dropped.length > 0) {
    ctx.out(`Valeurs illisibles laissées de côté : ${dropped.map(([field, n]) => `${field} (${n})`).join(', ')}`);
  }
  ctx.out(`Rejetées : ${report.rejetees.length}`);
  for (const r of report.rejetees) {
    const reasons = r.problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message)).join(' ; ');
    ctx.out(`  ${r.position} (${r.kind}${r.id ? ` ${r.id}` : ''}) : ${reasons}`);
  }
}

export function runImport(ctx: InteropContext, argv: string[]): Promise<number> {
  return runCommand(ctx, IMPORT_USAGE, async () => {
    const { values, positionals } = options(argv, { format: { type: 'string' } });
    const format = values.format;
    if (format !== 'data-inclusion' && format !== 'boussole-2019') {
      throw new UsageError('--format : « data-inclusion » ou « boussole-2019 » attendu');
    }
    if (positionals.length === 0) throw new UsageError('Fichier à importer manquant');
    if (format === 'boussole-2019' && positionals.length > 1) throw new UsageError('boussole-2019 : un seul fichier');
    const files = await Promise.all(
      positionals.map(async (path) => ({ name: basename(path), text: await readFile(path, 'utf8') })),
    );
    const context = { store: ctx.store, author: SYSTEM_AUTHOR_ID, now: ctx.now };
    const report =
      format === 'boussole-2019'
        ? await importBoussole2019(context, files[0]?.text ?? '')
        : await importDataInclusion(context, files);
    printReport(ctx, report);
    const imported = report.creees + report.modifiees + report.inchangees;
    if (imported === 0) {
      ctx.err('Erreur : aucune fiche n’a pu être importée.');
      return 1;
    }
    return 0;
  });
}
