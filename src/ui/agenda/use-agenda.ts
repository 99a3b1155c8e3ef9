// The programme model for a screen, loaded with the screen's chunk.

import { useLoadedModel } from '../components/use-loaded-model.ts';
import type { AgendaModel } from './agenda-model.ts';

export const useAgenda = (load: () => Promise<AgendaModel>) => useLoadedModel(load);
