// `npm run admin -- <command>`: account and device administration on the BOUSSOLE_DB file (see admin-commands.ts
// for the commands).
import { runAdmin } from './admin-commands.ts';
import { runOnDatabase } from './command-line.ts';

runOnDatabase(runAdmin);
