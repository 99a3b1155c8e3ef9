// How the app reaches the programme of actions: one model per app, created on first use with its chunk
// (the agenda, a partner's sheet, the orientation results), never on the first screen's path.
import type { BoussoleDatabase } from '../db/database.ts';
import type { Account } from '../domain/sync-protocol.ts';
import type { ProgrammeModel } from './models/programme-model.ts';

export function programmeLoader(db: BoussoleDatabase, account: () => Account | null | undefined) {
  let model: Promise<ProgrammeModel> | undefined;
  return (): Promise<ProgrammeModel> =>
    (model ??= import('./models/programme-model.ts').then(({ createProgrammeModel }) =>
      createProgrammeModel(db, account),
    ));
}
