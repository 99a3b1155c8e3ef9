// A screen's model loaded with the screen's chunk: null until it is there (a first render shows "Chargement…"),
// never set after the screen is gone.
import { useEffect, useState } from 'preact/hooks';

export function useLoadedModel<T>(load: () => Promise<T>): T | null {
  const [model, setModel] = useState<T | null>(null);
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
