// Registers the generated service worker (vite-plugin-pwa, generateSW) with workbox-window. An update is never
// applied on its own: when a new worker is waiting, `onUpdateWaiting` lets the UI ask the person, and only
// `applyUpdate()` (their click) tells the worker to take over, after which the page reloads once. workbox-window is
// a chunk of its own, asked for when the registration starts (after the first sync): the first paint never waits
// for it, and the service worker precaches it like every chunk, so an offline start registers too.

export interface ServiceWorkerHandle {
  applyUpdate(): void;
}

export function registerServiceWorker(handlers: {
  onUpdateWaiting: () => void;
  onError: (error: unknown) => void;
}): ServiceWorkerHandle | null {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return null;
  const ready = import('workbox-window').then(({ Workbox }) => {
    const workbox = new Workbox('/sw.js', { scope: '/' });
    workbox.addEventListener('waiting', () => handlers.onUpdateWaiting());
    workbox.register().catch(handlers.onError);
    return workbox;
  });
  ready.catch(handlers.onError);
  return {
    applyUpdate() {
      void ready.then((workbox) => {
        workbox.addEventListener('controlling', () => window.location.reload());
        workbox.messageSkipWaiting();
      });
    },
  };
}
