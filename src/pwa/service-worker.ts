// Registers the generated service worker (vite-plugin-pwa, generateSW) with workbox-window. An update is never
// applied on its own: when a new worker is waiting, `onUpdateWaiting` lets the UI ask the person, and only
// `applyUpdate()` (their click) tells the worker to take over, after which the page reloads once.
import { Workbox } from 'workbox-window';

export interface ServiceWorkerHandle {
  applyUpdate(): void;
}

export function registerServiceWorker(handlers: {
  onUpdateWaiting: () => void;
  onError: (error: unknown) => void;
}): ServiceWorkerHandle | null {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return null;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => handlers.onUpdateWaiting());
  workbox.register().catch(handlers.onError);
  return {
    applyUpdate() {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
