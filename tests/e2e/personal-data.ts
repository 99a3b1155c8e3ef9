// The real server's output never holds what the browser tests typed about a person. Specs declare each personal
// value where they type it (`fill(personal('Awa Diallo'))`); the workers append them to a file of the run; the
// server's stdout and stderr go to another (playwright.config.ts); after the last test, while the server still
// runs, this module's default export (the run's globalTeardown) searches the output for every value and its usual
// transformations, and throws: the run fails, and the JSON report lists it in `errors`.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leakedValues } from '../fixtures/personal-traces.ts';

/** Shorter values would be found by chance (a "3" in a duration). */
const MIN_LENGTH = 4;

function runFile(name: string): string {
  const dir = process.env.E2E_RUN_DIR;
  if (!dir) throw new Error('E2E_RUN_DIR absent : lancez les tests du navigateur avec playwright.config.ts');
  return join(dir, name);
}

/** Where the server's output goes (the webServer command redirects it there). */
export const serverOutputFile = () => runFile('server-output.log');
const personalValuesFile = () => runFile('personal-values.jsonl');

/** Declares `value` as a person's data the server must never write out; returns it, for `fill(personal(…))`. */
export function personal(value: string): string {
  if (value.trim().length < MIN_LENGTH) {
    throw new Error(`Valeur personnelle trop courte pour être cherchée dans la sortie du serveur : « ${value} »`);
  }
  appendFileSync(personalValuesFile(), `${JSON.stringify(value)}\n`);
  return value;
}

export default function checkServerOutput(): void {
  const file = serverOutputFile();
  if (!existsSync(file)) throw new Error(`Sortie du serveur non capturée : ${file} absent`);
  // The time written by the logger is not the request's: a date typed by a test may be today's.
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\{"time":"[^"]*",/, '{'));
  if (!lines.some((line) => line.includes('"event":"request"'))) {
    throw new Error(`Sortie du serveur non capturée : aucune ligne de requête dans ${file}`);
  }
  const declared = existsSync(personalValuesFile()) ? readFileSync(personalValuesFile(), 'utf8').split('\n') : [];
  const values = [...new Set(declared.filter((l) => l !== '').map((l) => JSON.parse(l) as string))];
  const leaks = lines.flatMap((line, i) => leakedValues(line, values).map((value) => `« ${value} » ligne ${i + 1}`));
  if (leaks.length > 0) {
    throw new Error(`La sortie du serveur (${file}) contient des données personnelles saisies : ${leaks.join(', ')}`);
  }
}
