// `npm run import -- …` on the BOUSSOLE_DB file (commands in interop/commands.ts); devices get an import at their
// next sync.
import { runOnDatabase } from './command-line.ts';
import { runImport } from './interop/commands.ts';

runOnDatabase(runImport);
