// `npm run export -- …` on the BOUSSOLE_DB file (commands in interop/commands.ts).
import { runOnDatabase } from './command-line.ts';
import { runExport } from './interop/commands.ts';

runOnDatabase(runExport);
