import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the device has a network at all, as the browser says (`navigator.onLine` and its events). For links to
 * other sites (maps), not for Boussole's own server, whose reachability the sync model follows.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
