// « Load, then follow »: a screen's model loaded with the screen's chunk — null until it is there (a first render
// shows "Chargement…"), never set after the screen is gone — and then, when `follow` is given, what the screen
// shows of it followed (a live read of the device: models' `follow()`) until the screen goes or `deps` change.
import { useEffect, useState } from 'preact/hooks';

export function useLoadedModel<T>(
  load: () => Promise<T>,
  follow?: (model: T) => () => void,
  deps: readonly unknown[] = [load],
): T | null {
  const [model, setModel] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void load().then((m) => {
      if (!live) return;
      setModel(m);
      stop = follow?.(m);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, deps);
  return model;
}
