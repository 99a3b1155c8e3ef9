// How the app reaches the programme of actions: one model per app, created on first use with its chunk
// (the agenda, a partner's sheet, the orientation results), never on the first screen's path.
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import type { AgendaModel } from './agenda-model.ts';

export function agendaLoader(db: BoussoleDatabase, account: () => Account | null | undefined) {
  let model: Promise<AgendaModel> | undefined;
  return (): Promise<AgendaModel> =>
    (model ??= import('./agenda-model.ts').then(({ createAgendaModel }) => createAgendaModel(db, account)));
}
