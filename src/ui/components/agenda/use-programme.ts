// The programme model for a screen, loaded with the screen's chunk.
import type { ProgrammeModel } from '../../models/programme-model.ts';
import { useLoadedModel } from '../use-loaded-model.ts';

export const useProgramme = (load: () => Promise<ProgrammeModel>) => useLoadedModel(load);
