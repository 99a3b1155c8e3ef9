import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import type { AppContext, CatalogWhen } from '../boot.ts';
import { SHEET_PATH } from '../early-sheet.ts';
import type { WorkInProgress } from '../orientation/work-in-progress.ts';
import { fr } from '../strings.ts';
import { Header } from './Header.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';
import { StorageNotice } from './StorageNotice.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

// The orientation flow and the person's sheet are chunks of their own, fetched when their route opens (and precached
// by the service worker, so they open offline): the first load stays within its budget.
const OrientationScreen = lazy(() => import('../orientation/OrientationScreen.tsx').then((m) => m.OrientationScreen));
const HandoutScreen = lazy(() => import('../handout/HandoutScreen.tsx').then((m) => m.HandoutScreen));
// The Annuaire, the partner sheet and the editors too (the search index and the hours library are lazy already).
const DirectoryScreen = lazy(() => import('../directory/DirectoryScreen.tsx').then((m) => m.DirectoryScreen));
const StructureScreen = lazy(() => import('../partner-sheet/StructureScreen.tsx').then((m) => m.StructureScreen));
const StructureEditScreen = lazy(() => import('../editor/StructureEditScreen.tsx').then((m) => m.StructureEditScreen));
// Referrals: list, writing and detail, one chunk.
const ReferralsScreen = lazy(() => import('../referrals/ReferralsScreen.tsx').then((m) => m.ReferralsScreen));
const ReferralWriteScreen = lazy(() =>
  import('../referrals/ReferralWriteScreen.tsx').then((m) => m.ReferralWriteScreen),
);
const ReferralDetailScreen = lazy(() =>
  import('../referrals/ReferralDetailScreen.tsx').then((m) => m.ReferralDetailScreen),
);
const ServiceEditScreen = lazy(() => import('../editor/ServiceEditScreen.tsx').then((m) => m.ServiceEditScreen));
// Coordination: coverage and gaps, with the commune outlines drawn as a map (a chunk of its own).
const EvaluationScreen = lazy(() => import('../evaluation/EvaluationScreen.tsx').then((m) => m.EvaluationScreen));
const CoverageScreen = lazy(() => import('../coverage/CoverageScreen.tsx').then((m) => m.CoverageScreen));

// The programme of actions — agenda and action form (with rrule, for the dates), one chunk.
const AgendaScreen = lazy(() => import('../agenda/AgendaScreen.tsx').then((m) => m.AgendaScreen));
const ActionEditScreen = lazy(() => import('../agenda/ActionEditScreen.tsx').then((m) => m.ActionEditScreen));

// Proposed partners (the coordinator's decisions, a worker's own proposals) and the proposal form.
const ProposalsScreen = lazy(() => import('../proposals/ProposalsScreen.tsx').then((m) => m.ProposalsScreen));
const ProposalNewScreen = lazy(() => import('../proposals/ProposalNewScreen.tsx').then((m) => m.ProposalNewScreen));

// Reports of errors and update campaigns (lists, campaign form, the partner's checklist and banner).
const ReportsScreen = lazy(() => import('../reports/ReportsScreen.tsx').then((m) => m.ReportsScreen));
const CampaignsScreen = lazy(() => import('../campaigns/CampaignsScreen.tsx').then((m) => m.CampaignsScreen));
const CampaignNewScreen = lazy(() => import('../campaigns/CampaignNewScreen.tsx').then((m) => m.CampaignNewScreen));
const CampaignBanner = lazy(() => import('../campaigns/CampaignBanner.tsx').then((m) => m.CampaignBanner));
// Synchronisation (what waits to be sent, conflicts, refusals) and Connexion, off the first load.
const SyncScreen = lazy(() => import('../sync/SyncScreen.tsx').then((m) => m.SyncScreen));
const SignInScreen = lazy(() => import('../session/SignInScreen.tsx').then((m) => m.SignInScreen));
// Data·inclusion export and imports, the one screen that needs the network (it says so offline).
// The coordinators' administration (online only, it says so offline).
const AdminScreen = lazy(() => import('../admin/AdminScreen.tsx').then((m) => m.AdminScreen));
const RevokedNotice = lazy(() => import('../session/RevokedNotice.tsx').then((m) => m.RevokedNotice));
const DataScreen = lazy(() => import('../data/DataScreen.tsx').then((m) => m.DataScreen));

/**
 * The screen at the address the app opens on, when it is one of the daily ones: its chunk is asked for at start-up,
 * while the device's database opens, rather than once the app has booted, which on a cold start is much later.
 * Says when boot loads the catalog: at once for a screen that lists the directory; the partner sheet shows one
 * partner, read without it.
 */
export function preloadScreen(path: string): CatalogWhen {
  // The orientation in progress is read back with its own chunk (WithWork), fetched alongside.
  const work = { preload: () => import('../orientation/work-in-progress.ts') };
  const daily: Array<[RegExp, { preload(): Promise<unknown> }, lists: boolean]> = [
    [/^\/annuaire\/?$/, DirectoryScreen, true],
    [SHEET_PATH, StructureScreen, false],
    [/^\/orientation\/?$/, OrientationScreen, true],
    [/^\/fiche\/?$/, HandoutScreen, true],
    [/^\/(orientation|fiche)\/?$/, work, true],
    // What a link from a partner or the Métropole opens, and a first visit to sign in.
    [/^\/agenda\/?$/, AgendaScreen, false],
    [/^\/connexion\/?$/, SignInScreen, false],
  ];
  let lists = false;
  for (const [route, screen, listsDirectory] of daily) {
    if (!route.test(path)) continue;
    lists ||= listsDirectory;
    void screen.preload().catch(() => {}); // rendering the route asks again, and shows the error
  }
  if (lists) return 'first';
  return readsCatalog(path) ? 'after-paint' : 'when-asked';
}

/**
 * Screens that never read the catalog: the partner sheet and the directory's editors read one partner from the
 * device, and their hours from the hours worker or the library alone (use-hours-engine.ts, use-hours-library.ts);
 * signing in, the sync's state, the proposals, reports, campaigns, data and evaluation read their own tables or
 * the server. A first visit to sign in neither downloads the search engine nor builds its index.
 */
const WITHOUT_CATALOG = [
  SHEET_PATH,
  /^\/partenaires\/[^/]+\/modifier\/?$/,
  /^\/partenaires\/[^/]+\/services\/[^/]+\/modifier\/?$/,
  /^\/(connexion|synchronisation|evaluation|donnees|signalements)\/?$/,
  /^\/(propositions|campagnes)(\/nouvelle)?\/?$/,
];

/** Whether the screen at `path` reads the catalog (boot.ts `CatalogWhen`). */
function readsCatalog(path: string): boolean {
  return !WITHOUT_CATALOG.some((route) => route.test(path));
}

/** Asks for the catalog when the person goes to a screen that reads it (opened on one that did not). */
function CatalogWhenRead({ context }: { context: AppContext }) {
  const { path } = useLocation();
  useEffect(() => {
    if (readsCatalog(path)) context.wantCatalog();
  }, [path]);
  return null;
}

/**
 * Screens that show the orientation in progress render once it is read back from the device: never an empty form
 * first (a few milliseconds, nothing drawn meanwhile).
 */
function WithWork({ context, children }: { context: AppContext; children: (work: WorkInProgress) => VNode }) {
  const work = context.work.value;
  if (!work) {
    void context.restoreWork();
    return null;
  }
  return children(work);
}

/** Every route works offline: the service worker serves the shell for any path, the data is on the device. */
export function App({ context }: { context: AppContext }) {
  return (
    <LocationProvider>
      <CatalogWhenRead context={context} />
      <a class="skip-link" href="#contenu">
        {fr.skipToContent}
      </a>
      <Header context={context} />
      <UpdateBanner waiting={context.syncModel.updateWaiting} onApply={context.applyUpdate} />
      <StorageBand context={context} />
      {context.session.revoked.value !== null && <RevokedNotice context={context} />}
      <main id="contenu" tabIndex={-1}>
        <Router>
          <Route
            path="/"
            component={() => (
              <>
                {/* A partner asked by a running campaign sees it first (a chunk loaded for partners only). */}
                {context.session.account.value?.role === 'partenaire' && <CampaignBanner context={context} />}
                <HomeScreen account={context.session.account} workKept={context.workKept} />
              </>
            )}
          />
          <Route
            path="/annuaire"
            component={() => (
              <DirectoryScreen
                catalog={context.catalog}
                ownStructure={context.session.account.value?.structure_id}
                directoryExpected={directoryExpected(context)}
              />
            )}
          />
          <Route path="/connexion" component={() => <SignInScreen context={context} />} />
          <Route path="/synchronisation" component={() => <SyncScreen context={context} />} />
          <Route
            path="/partenaires/:id"
            component={({ id }: { id: string }) => (
              <StructureScreen context={context} id={id} downloadComing={downloadComing(context)} />
            )}
          />
          <Route
            path="/partenaires/:id/modifier"
            component={({ id }: { id: string }) => <StructureEditScreen context={context} id={id} />}
          />
          <Route
            path="/partenaires/:id/services/:serviceId/modifier"
            component={({ id, serviceId }: { id: string; serviceId: string }) => (
              <ServiceEditScreen context={context} id={id} serviceId={serviceId} />
            )}
          />
          <Route
            path="/orientation"
            component={() => (
              <WithWork context={context}>
                {(work) => <OrientationScreen catalog={context.catalog} work={work} programme={context.programme} />}
              </WithWork>
            )}
          />
          <Route
            path="/fiche"
            component={() => (
              <WithWork context={context}>{(work) => <HandoutScreen catalog={context.catalog} work={work} />}</WithWork>
            )}
          />
          <Route
            path="/couverture"
            component={() => (
              <CoverageScreen
                catalog={context.catalog}
                online={context.syncModel.online}
                getToken={context.session.token}
                demandShown={context.session.account.value?.role === 'coordinateur'}
              />
            )}
          />
          <Route
            path="/evaluation"
            component={() => <EvaluationScreen online={context.syncModel.online} getToken={context.session.token} />}
          />
          <Route
            path="/donnees"
            component={() => (
              <DataScreen
                online={context.syncModel.online}
                account={context.session.account}
                getToken={context.session.token}
              />
            )}
          />
          <Route path="/administration" component={() => <AdminScreen context={context} />} />
          <Route path="/orientations" component={() => <ReferralsScreen context={context} />} />
          <Route
            path="/orientations/nouvelle/:serviceId"
            component={({ serviceId }: { serviceId: string }) => (
              <WithWork context={context}>
                {(work) => <ReferralWriteScreen context={context} work={work} serviceId={serviceId} />}
              </WithWork>
            )}
          />
          <Route
            path="/orientations/:id"
            component={({ id }: { id: string }) => <ReferralDetailScreen context={context} id={id} />}
          />
          <Route path="/propositions" component={() => <ProposalsScreen context={context} />} />
          <Route path="/propositions/nouvelle" component={() => <ProposalNewScreen context={context} />} />
          <Route
            path="/agenda"
            component={() => (
              <AgendaScreen
                catalog={context.catalog}
                programme={context.programme}
                downloadComing={downloadComing(context)}
              />
            )}
          />
          <Route
            path="/agenda/nouvelle"
            component={() => (
              <ActionEditScreen
                catalog={context.catalog}
                programme={context.programme}
                account={context.session.account}
              />
            )}
          />
          <Route
            path="/agenda/:id/modifier"
            component={({ id }: { id: string }) => (
              <ActionEditScreen
                catalog={context.catalog}
                programme={context.programme}
                account={context.session.account}
                id={id}
              />
            )}
          />
          <Route path="/signalements" component={() => <ReportsScreen context={context} />} />
          <Route path="/campagnes" component={() => <CampaignsScreen context={context} />} />
          <Route path="/campagnes/nouvelle" component={() => <CampaignNewScreen context={context} />} />
          <Route default component={NotFoundScreen} />
        </Router>
      </main>
    </LocationProvider>
  );
}

/** The device holds services, or a download is on its way. */
function directoryExpected(context: AppContext): boolean {
  return context.directory.totals.value.services > 0 || downloadComing(context);
}

/** A download is running, or about to start on a device that never synced. */
function downloadComing(context: AppContext): boolean {
  const status = context.syncModel.status.value;
  if (status.phase === 'syncing') return true;
  return status.lastSuccessAt === null && status.error === null && context.syncModel.online.value;
}

/** The storage notice above every page but Synchronisation (which says it in its own list). */
function StorageBand({ context }: { context: AppContext }) {
  const { path } = useLocation();
  if (!context.syncModel.storageNotice.value || path === '/synchronisation') return null;
  return <StorageNotice onClose={context.closeStorageNotice} />;
}
