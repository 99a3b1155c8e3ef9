// The programme model for a screen: loaded with the screen's chunk (a first render shows "Chargement…").
import { useEffect, useState } from 'preact/hooks';
import type { ProgrammeModel } from '../../models/programme-model.ts';

export function useProgramme(load: () => Promise<ProgrammeModel>): ProgrammeModel | null {
  const [model, setModel] = useState<ProgrammeModel | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((m) => {
      if (live) setModel(m);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return model;
}
