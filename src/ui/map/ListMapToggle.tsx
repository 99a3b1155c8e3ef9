import { useEffect, useState } from 'preact/hooks';
import type { DirectoryMapProps, OrientationMapProps } from './results-maps.tsx';
import { frMap } from './strings-map.ts';

// « Liste / Carte » above a list of results. The list is the main view and the default; the map is a chunk of its
// own (the outlines, the layout, the card), fetched the first time « Carte » is chosen and precached by the service
// worker like every chunk, so it opens offline. Nothing here weighs on the first load or on a screen's own chunk
// beyond these few lines.

/**
 * The list or the map: two toggle buttons, the one showing pressed, styled as the results' filters (the app's own
 * classes, so that the toggle brings no style sheet of its own to the screens).
 */
export function ListMapToggle({ asMap, onChange }: { asMap: boolean; onChange: (asMap: boolean) => void }) {
  return (
    <div class="chips" data-testid="list-map-toggle">
      <button type="button" class="chip" aria-pressed={!asMap} onClick={() => onChange(false)}>
        {frMap.list}
      </button>
      <button type="button" class="chip" aria-pressed={asMap} onClick={() => onChange(true)}>
        {frMap.map}
      </button>
    </div>
  );
}

type Maps = typeof import('./results-maps.tsx');
let loading: Promise<Maps> | null = null;

/** The map chunk, asked for once; a failure (a chunk missing offline) can be retried by choosing « Carte » again. */
function useMaps(): Maps | 'loading' | 'failed' {
  const [maps, setMaps] = useState<Maps | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    loading ??= import('./results-maps.tsx');
    loading.then(
      (m) => live && setMaps(m),
      () => {
        loading = null;
        if (live) setMaps('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return maps;
}

function Pending({ state }: { state: 'loading' | 'failed' }) {
  return state === 'loading' ? <p aria-busy="true">{frMap.loading}</p> : <p class="notice">{frMap.failed}</p>;
}

export function OrientationMapLazy(props: OrientationMapProps) {
  const maps = useMaps();
  return typeof maps === 'string' ? <Pending state={maps} /> : <maps.OrientationMap {...props} />;
}

export function DirectoryMapLazy(props: DirectoryMapProps) {
  const maps = useMaps();
  return typeof maps === 'string' ? <Pending state={maps} /> : <maps.DirectoryMap {...props} />;
}
