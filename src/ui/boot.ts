// Wires the device's database, the sync engine and the service worker to the UI models. The only place where the
// layers meet; everything it creates is passed down, so tests can build the same graph with fakes.

import { type ReadonlySignal, signal } from '@preact/signals';
import { readCatalogSearch } from '../db/catalog-cache.ts';
import { readSyncState } from '../db/directory-state.ts';
import { followRead } from '../db/live-read.ts';
import { openDatabase } from '../db/open-database.ts';
import { orientationEventsWaiting } from '../db/pending-repo.ts';
import { awaitingSignIn, dropToken, readSession, revokedAt } from '../db/session-repo.ts';
import { keepWorkExpiring, workKept as readWorkKept } from '../db/work-in-progress-expiry.ts';
import { registerServiceWorker, type ServiceWorkerHandle } from '../pwa/service-worker.ts';
import {
  rememberStorageNoticeSeen,
  requestPersistentStorage,
  storageNoticeSeen,
  storagePersisted,
} from '../pwa/storage-persistence.ts';
import type { SyncStatus } from '../sync/sync-controller.ts';
import { type DirectoryWorker, directoryWorker } from '../sync/worker-pull.ts';
import { agendaLoader } from './agenda/agenda-wiring.ts';
import type { CatalogModel } from './directory/catalog-model.ts';
import { createDirectoryModel } from './directory/directory-model.ts';
import { serverCopy, sheetOpened } from './early-sheet.ts';
import { createDirectoryWorker, takeEarlyWorker } from './early-worker.ts';
import { hoursLibraryEngine, openingHoursLibrary } from './hours/hours-library.ts';
import type { OrientationEventsWiring } from './orientation/orientation-events-wiring.ts';
import type { OrientationEnding, WorkInProgress } from './orientation/work-in-progress.ts';
import type { ReferralWiring } from './referrals/referral-wiring.ts';
import { createSessionModel } from './session/session-model.ts';
import { createPendingModel } from './sync/pending-model.ts';
import { createSyncModel } from './sync/sync-model.ts';

const SERVICE_WORKER_LATEST_MS = 10_000;

/**
 * When the catalog (the matching engine, the search index and the whole directory read into them) is loaded:
 * `first`, the first screen lists the directory (the Annuaire, an orientation…): asked for at once; `after-paint`
 * (Accueil, most screens): once the first screen is drawn; `when-asked`, a screen that never reads it (the
 * directory's editors): when the person goes to one that does (`wantCatalog`).
 */
export type CatalogWhen = 'first' | 'after-paint' | 'when-asked';

export async function boot({ catalog: catalogWhen = 'first' }: { catalog?: CatalogWhen } = {}) {
  // Settles once the first screen is drawn (see the end of boot): what it does not show waits for it, so that its
  // download and start-up are not shared with them.
  let painted = () => {};
  const firstPaint = new Promise<void>((resolve) => {
    painted = resolve;
  });
  // The matching engine and the search index (with MiniSearch) are a chunk of their own, precached by the service
  // worker: when the first screen shows the directory it is asked for first and loads while the device's database
  // opens; the first paint never waits for it.
  let wantCatalog = () => {};
  const catalogWanted = new Promise<void>((resolve) => {
    wantCatalog = resolve;
  });
  if (catalogWhen === 'first') wantCatalog();
  else if (catalogWhen === 'after-paint') void firstPaint.then(wantCatalog);
  const catalogModule = catalogWanted.then(() => import('./directory/catalog-model.ts'));
  // The sync's code too (transport, engine, outbox): the first paint shows what the device holds without it.
  const syncCode = firstPaint.then(() => import('./sync/sync-wiring.ts'));
  // Online, the app syncs as soon as it has booted, in the worker: its code loads meanwhile. Offline, it waits for
  // its first request, and a cold start keeps both cores for the page; so does a partner sheet opened from its link
  // (early-sheet.ts).
  const worker = startDirectoryWorker(
    () => session.token(),
    navigator.onLine && sheetOpened(location.pathname) === null,
  );
  const { db, opened } = openDatabase();
  await opened;
  performance.mark('boussole:database-open');
  // Read while the chunk loads and the first screen's state is read: a cold start offline waits on all of them, so
  // they overlap.
  const startupCopy = worker ? catalogWanted.then(() => readCatalogSearch(db)).catch(() => null) : undefined;
  // The orientation in progress is erased a working day after its last change: once the first screen is drawn,
  // then while open (reading it back erases what expired first, so the first screen never shows expired work).
  void firstPaint.then(() => keepWorkExpiring(db));
  // Whether the storage is kept for good is read with the rest, so that the first paint already has (or has not)
  // the storage notice: arriving later, it would push the page down.
  const [state, storedSession, revoked, persisted] = await Promise.all([
    readSyncState(db),
    readSession(db),
    revokedAt(db),
    storagePersisted(),
  ]);
  performance.mark('boussole:state-read');
  // The transport asks the session for the token at each request: a sign-in or a refusal takes effect at once.
  const transport = syncCode.then((m) => m.httpTransport({ getToken: () => session.token() }));
  const session = createSessionModel(db, transport, storedSession);
  session.revoked.value = revoked;
  const syncModel = createSyncModel({ lastSuccessAt: state.lastSyncAt, online: navigator.onLine });
  syncModel.storageNotice.value = !persisted && !storageNoticeSeen();
  const directory = createDirectoryModel(db);
  // Counted while the rest is wired: the first screen waits for the counts.
  const counted = directory.reload();
  // What waits to be sent, from every queue: the header's badge, Synchronisation and the sign-out warning.
  const pending = createPendingModel(db);
  const catalog = signal<CatalogModel | null>(null);
  const catalogReady = catalogModule.then(({ createCatalogModel }) => {
    const model = createCatalogModel(db, {
      ...(startupCopy ? { startupCopy } : {}),
      ...(worker ? { refreshCache: () => worker.refreshCatalogCache() } : {}),
      loadOpeningHours: openingHoursLibrary,
      // Signed-in accounts see the listings reserved to professionals that their feed brought.
      audience: () => (session.account.value ? 'professionnel' : 'public'),
    });
    catalog.value = model;
    return model;
  });
  // The orientation in progress and its sheet (work-in-progress.ts): read back with the first screen showing them,
  // before it renders; counted here for the sign-out warning.
  const work = signal<WorkInProgress | null>(null);
  let restoring: Promise<unknown> | null = null;
  const restoreWork = () =>
    (restoring ??= import('./orientation/work-in-progress.ts')
      .then((m) => m.restoreWorkInProgress(db, catalog, { onEnd: (ending) => void queueEvent(ending) }))
      .then(
        (w) => {
          work.value = w;
        },
        () => {
          restoring = null; // a chunk that failed to load is asked again next time
        },
      ));
  const workKept = signal(false);
  followRead(
    () => readWorkKept(db),
    (kept) => {
      workKept.value = kept;
    },
    () => {},
  );

  /**
   * After a sync or a local edit: the list and the matching snapshot read the device again (a catalog not loaded yet
   * reads it when it is).
   */
  const refresh = (how: { downloading?: boolean } = {}) => Promise.all([directory.reload(), catalog.peek()?.load(how)]);
  let refreshing: Promise<unknown> | null = null;

  // Referrals: a chunk of their own, loaded at the first sync of a worker or partner account or when a
  // referral screen opens. Their queue is counted with the others by the pending model.
  let wiring: Promise<ReferralWiring> | null = null;
  const referrals = () =>
    (wiring ??= import('./referrals/referral-wiring.ts').then((m) => m.referralWiring(db, () => session.token())));
  // Anonymous orientation events (docs/orientation-events.md): their chunk loads when an orientation ends or when
  // some wait to be sent; they go after the referrals, on every signed-in device.
  let eventWiring: Promise<OrientationEventsWiring> | null = null;
  const orientationEvents = () =>
    (eventWiring ??= import('./orientation/orientation-events-wiring.ts').then((m) =>
      m.orientationEventsWiring(
        db,
        () => session.token(),
        () => session.account.value,
      ),
    ));
  const queueEvent = async (ending: OrientationEnding) => {
    await (await orientationEvents()).queue(ending);
    void syncNow();
  };
  const referralStep = async () => {
    const role = session.account.value?.role;
    if (role === 'travailleur' || role === 'partenaire') await (await referrals()).step(() => new Date());
    if ((await orientationEventsWaiting(db)) > 0) await (await orientationEvents()).step();
  };
  let referralModel: ReturnType<ReferralWiring['model']> | null = null;

  // The service worker is registered once the first sync has run: installing it downloads and stores the whole app,
  // which on a first visit would take the cores the directory's download needs. Offline at boot there is no sync to
  // wait for; and a sync that takes long does not delay it beyond SERVICE_WORKER_LATEST_MS.
  let serviceWorker: ServiceWorkerHandle | null = null;
  let serviceWorkerStarted = false;
  function startServiceWorker() {
    if (serviceWorkerStarted) return;
    serviceWorkerStarted = true;
    serviceWorker = registerServiceWorker({
      onUpdateWaiting: () => {
        syncModel.updateWaiting.value = true;
      },
      onError: (error) => console.warn('Service worker non enregistré', error),
    });
  }
  setTimeout(startServiceWorker, SERVICE_WORKER_LATEST_MS);
  // Offline there is no sync to wait for: once the first screen is drawn (a cold start's search comes first).
  if (!navigator.onLine) void firstPaint.then(startServiceWorker);

  let revoking: Promise<void> | null = null;
  /** The sync's last status, shown or about to be (the end of a sync is shown once the device is counted again). */
  let latestStatus: SyncStatus | null = null;
  const controllerReady = Promise.all([syncCode, transport]).then(([m, t]) =>
    m.startSyncController(db, t, worker, {
      clientId: () => session.clientId(),
      afterPush: referralStep,
      onUnauthenticated: async (error) => {
        if (error.revoked) {
          // Erased on the device, then a reload drops what the open screens still hold in memory (an orientation
          // being typed, referrals on screen); the notice is read back from the device after it. Once: the download
          // and the page's own requests may each hear it.
          revoking ??= session.deviceRevoked(new Date()).then(() => window.location.reload());
          await revoking;
          return;
        }
        await dropToken(db);
        await session.tokenRefused();
      },
      awaitingSignIn: () => awaitingSignIn(db),
      now: () => new Date(),
      initialLastSuccessAt: state.lastSyncAt,
      onStatus(status) {
        const finished = (latestStatus ?? syncModel.status.value).phase === 'syncing' && status.phase !== 'syncing';
        latestStatus = status;
        if (finished) {
          // What the sync wrote is counted before its end is shown: in between, a first visit's Annuaire read « no
          // directory on this device » from the counts of before the download.
          void directory.reload().finally(() => {
            if (latestStatus === status) syncModel.status.value = status;
            void catalog.peek()?.load();
            startServiceWorker();
          });
          return;
        }
        syncModel.status.value = status;
        // During a first download, one read of the device at a time: each new page must not restart a full read.
        // Once the pages hold as many entries as the directory has records, the download is ending: the load at its
        // end follows at once and would replace that read, so it is not made.
        if (
          status.progress &&
          status.progress.received < status.progress.total &&
          directory.totals.value.structures === 0 &&
          refreshing === null
        ) {
          refreshing = refresh({ downloading: true }).finally(() => {
            refreshing = null;
          });
        }
      },
    }),
  );
  const syncNow = () => controllerReady.then((controller) => controller.syncNow());
  window.addEventListener('online', () => {
    syncModel.online.value = true;
  });
  window.addEventListener('offline', () => {
    syncModel.online.value = false;
  });

  void requestPersistentStorage().then((p) => {
    syncModel.persistence.value = p;
    if (p === 'persistent') syncModel.storageNotice.value = false;
  });

  await counted;
  performance.mark('boussole:directory-counted');
  void catalogReady.then((model) => model.load());
  // The caller draws the first screen as this returns; once that frame is painted the rest may start (at once in a
  // tab opened in the background, which paints nothing until it is shown).
  if (document.visibilityState === 'hidden') painted();
  else requestAnimationFrame(() => setTimeout(painted, 0));
  void controllerReady.then((controller) => controller.start());
  return {
    syncModel,
    directory,
    catalog,
    wantCatalog,
    /** The hours library's engine without the catalog, for the screens that never load it (the partner sheet, the editors). */
    hoursEngine: hoursLibraryEngine,
    refresh,
    session,
    pending,
    /** Conflicts and refused changes, with the Synchronisation screen's chunk (it follows them while shown). */
    review: () => import('./sync/review-model.ts').then(({ createReviewModel }) => createReviewModel(db)),
    /** The orientation in progress, once read back (`restoreWork` reads it, once). */
    work: work as ReadonlySignal<WorkInProgress | null>,
    restoreWork,
    /** An orientation in progress is on the device: signing out erases it. */
    workKept,
    /** The referral screens' model (with their chunk). */
    referrals: async () => (referralModel ??= (await referrals()).model(syncNow)),
    syncNow,
    async signIn(code: string) {
      await session.signIn(code, deviceLabel());
      await refresh();
      await syncNow();
      await refresh();
    },
    async signOut() {
      await session.signOut();
      await refresh();
      await syncNow();
    },
    /** A partner and its services, read with the partner sheet's chunk (the records' schemas come with it). */
    structure: (id: string) => import('../db/directory-repo.ts').then(({ readStructure }) => readStructure(db, id)),
    /**
     * A partner and its services from the server, as this account may see them: a sheet opened before the device's
     * first download has brought it. Undefined when the server cannot be reached or does not have it.
     */
    structureFromServer: (id: string) => serverCopy(id, session.token()),
    /** The partner form's model: loaded with the editor screens' chunk, not on the first screen's path. */
    editor: (id: string) =>
      import('./editor/structure-editor-model.ts').then(({ createStructureEditor }) => createStructureEditor(db, id)),
    /** The service form's model: loaded with the editor screens' chunk, not on the first screen's path. */
    serviceEditor: (id: string) =>
      import('./editor/service-editor-model.ts').then(({ createServiceEditor }) => createServiceEditor(db, id)),
    applyUpdate: () => serviceWorker?.applyUpdate(),
    closeStorageNotice() {
      syncModel.storageNotice.value = false;
      rememberStorageNoticeSeen();
    },
    /** The programme of actions: its model, loaded with the first screen that shows actions. */
    programme: agendaLoader(db, () => session.account.value),
    /** What keeps listings true (confirm, notes, criteria, proposals): a chunk loaded by the screens using them. */
    listings: () =>
      import('./partner-sheet/listing-actions.ts').then(({ createListingActions }) =>
        createListingActions(db, () => session.account.value),
      ),
  };
}

/**
 * The directory's heavy work runs in a worker so that the page stays responsive; a browser without module workers
 * downloads on the page, as the same code, and reads the tables at start-up.
 */
function startDirectoryWorker(token: () => string | null, eager: boolean): DirectoryWorker | null {
  if (typeof Worker === 'undefined') return null;
  const start = () => takeEarlyWorker() ?? createDirectoryWorker();
  return directoryWorker(start, token, eager);
}

/** A name for this device in the coordinator's device list: browser and platform, nothing personal. */
function deviceLabel(): string {
  const platform =
    (navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return `Navigateur ${platform || 'inconnu'}`.slice(0, 80);
}

export type AppContext = Awaited<ReturnType<typeof boot>>;
