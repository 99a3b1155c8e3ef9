import type { AppContext } from './boot.ts';
import { DirectoryScreen } from './components/DirectoryScreen.tsx';
import { SyncBar } from './components/SyncBar.tsx';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import { fr } from './strings.ts';

export function App({ context }: { context: AppContext }) {
  return (
    <>
      <a class="skip-link" href="#contenu">
        {fr.skipToContent}
      </a>
      <header class="app-header">
        <div class="brand">
          <img src="/icons/icon.svg" alt="" width="40" height="40" />
          <div>
            <p class="brand-name">{fr.appName}</p>
            <p class="brand-tagline">{fr.tagline}</p>
          </div>
        </div>
        <SyncBar model={context.syncModel} directory={context.directory} onSync={context.syncNow} />
      </header>
      <UpdateBanner waiting={context.syncModel.updateWaiting} onApply={context.applyUpdate} />
      <main id="contenu" tabIndex={-1}>
        <DirectoryScreen model={context.directory} />
      </main>
    </>
  );
}
