import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StructureSummary } from '../../db/directory-repo.ts';
import { effectiveHours } from '../../domain/effective-hours.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { PartnerActions } from '../agenda/PartnerActions.tsx';
import type { AppContext } from '../boot.ts';
import { PartnerOnBoard } from '../claims/PartnerOnBoard.tsx';
import { Badge } from '../components/Badge.tsx';
import { ContactLinks } from '../components/ContactLinks.tsx';
import { MissingRecord } from '../components/MissingRecord.tsx';
import { frDirectoryScreen } from '../directory/strings-directory-screen.ts';
import { hoursStringsOf, useHoursEngine } from '../hours/use-hours-engine.ts';
import { SheetReports } from '../reports/SheetReports.tsx';
import { DEFAULT_FREQUENCY_MONTHS, freshnessOf } from '../text/freshness.ts';
import { hoursStatus, serviceHours } from '../text/hours-status.ts';
import { noticesOf } from '../text/service-words.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { frListings } from '../text/strings-listings.ts';
import { Freshness } from './Freshness.tsx';
import { HoursBlock } from './HoursBlock.tsx';
import { ListingConfirm } from './ListingConfirm.tsx';
import type { ListingActions } from './listing-actions.ts';
import { MdmRecommendations } from './MdmRecommendations.tsx';
import { ServiceAnnotations } from './ServiceAnnotations.tsx';
import { ServiceSection } from './ServiceSection.tsx';
import { frSheet } from './strings-sheet.ts';
import { frStructure } from './strings-structure.ts';
import { TemporaryNotices } from './TemporaryNotices.tsx';

/** `session` and `listings` are optional: without them (tests, anonymous) the sheet is read-only. */
export type SheetContext = Pick<AppContext, 'structure' | 'pending' | 'catalog' | 'directory'> &
  Partial<Pick<AppContext, 'session' | 'listings' | 'programme' | 'structureFromServer' | 'hoursEngine'>>;

const S = frSheet;

/**
 * The partner sheet (BRIEF capability 3), read from the device: temporary information on top, open now and the
 * next openings in Paris time, address, contacts in one tap, each service's conditions and how to refer, and how
 * fresh it all is.
 */
export function StructureScreen({
  context,
  id,
  downloadComing = false,
}: {
  context: SheetContext;
  id: string;
  /** A download is running or about to start: a partner not on the device may yet come with it. */
  downloadComing?: boolean;
}) {
  const [item, setItem] = useState<StructureSummary | null | undefined>(undefined);
  const pendingKeys = new Set(context.pending.items.value.map((p) => p.recordKey));
  // Read again when a sync lands (the directory list is reloaded then) or the pending edits change.
  const directoryVersion = context.directory.version.value;
  const pendingVersion = context.pending.items.value;
  useEffect(() => {
    let live = true;
    void context.structure(id).then(async (found) => {
      // Not on the device while a download is on its way (a link opened on a first visit): the server's copy
      // meanwhile, rather than « introuvable » until the download ends and the sheet reads the device again.
      const meanwhile = !found && downloadComing ? await context.structureFromServer?.(id) : undefined;
      if (live) setItem(found ?? meanwhile ?? (downloadComing ? undefined : null));
    });
    return () => {
      live = false;
    };
  }, [id, pendingVersion, directoryVersion, downloadComing]);
  const catalog = context.catalog.value;
  const hoursStrings = useMemo(() => (item ? hoursStringsOf(item) : null), [item]);
  const engine = useHoursEngine({ catalog, library: context.hoursEngine }, hoursStrings);
  // Who reads decides what the sheet offers (confirm, notes and criteria, MDM recommendations).
  const account = context.session?.account.value ?? null;
  const professional = account?.role === 'coordinateur' || account?.role === 'travailleur';
  const [actions, setActions] = useState<ListingActions | null>(null);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => {
    if (!account || !context.listings) return;
    void context.listings().then((a) => {
      setActions(a);
      if (professional) void a.criteresInUse().then(setSuggestions);
    });
  }, [account?.id]);
  // Coming from a result or a saved service (`#service-…`): show that service, once the sheet is there.
  const hasItem = Boolean(item);
  useEffect(() => {
    if (!hasItem || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView?.();
  }, [hasItem]);

  if (item === undefined) return <p aria-busy="true">{frDirectory.loading}</p>;
  if (item === null) return <MissingRecord />;
  const { structure, services } = item;
  const now = Date.now();
  const notices = noticesOf(services, parisDay(now));
  const structureHours = serviceHours(structure.horaires_accueil, []);
  return (
    <article aria-labelledby="structure-title" class="partner-sheet">
      <p>
        <a href="/annuaire">{S.back}</a>
      </p>
      <h1 id="structure-title">{structure.nom}</h1>
      {pendingKeys.has(`structure:${structure.id}`) && (
        <Badge as="p" tone="waiting" testId="pending-edit">
          {frStructure.pendingEdit}
        </Badge>
      )}
      {structure.visibilite === 'professionnels' && (
        <Badge as="p" tone="restricted">
          {frDirectoryScreen.professionalsOnly}
        </Badge>
      )}
      {structure.statut === 'proposee' && (
        <Badge as="p" tone="waiting">
          {frDirectory.proposed}
        </Badge>
      )}
      {structure.refus && (
        <Badge as="p" tone="danger">
          {frListings.refused(structure.refus.par, structure.refus.motif)}
        </Badge>
      )}

      <TemporaryNotices notices={notices} several={services.length > 1} />

      {services.length > 0 && (
        // Drawn before the hours library is there (each line says it is working them out), so that what follows
        // does not move down when it arrives.
        <section aria-labelledby="status-title" class="sheet-status">
          <h2 id="status-title">{S.statusTitle}</h2>
          <ul class="plain" data-testid="services-status" aria-busy={engine ? undefined : 'true'}>
            {services.map((s) => {
              const status =
                engine && hoursStatus(engine, serviceHours(effectiveHours(s, structure), s.infos_temporaires), now, 1);
              return (
                <li key={s.id}>
                  <strong>{s.nom}</strong> :{' '}
                  {status ? (
                    <span class={status.open ? 'is-open' : 'is-closed'}>{status.text}</span>
                  ) : (
                    <span>{S.hoursLoading}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <div class="sheet-columns">
        <section aria-labelledby="address-title">
          <h2 id="address-title">{S.address}</h2>
          <p class="address" data-testid="address">
            {structure.adresse}
            {structure.complement_adresse ? `, ${structure.complement_adresse}` : ''}, {structure.code_postal}{' '}
            {structure.commune}
          </p>
          {structure.accessibilite?.pmr !== undefined && (
            <p>{structure.accessibilite.pmr ? S.stepFree : S.notStepFree}</p>
          )}
          {structure.accessibilite?.note && <p>{structure.accessibilite.note}</p>}
          {structure.accessibilite?.lien_accesslibre && (
            <p>
              <a href={structure.accessibilite.lien_accesslibre} rel="noopener">
                {S.accesslibre}
              </a>
            </p>
          )}
        </section>
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{S.contact}</h2>
          {!structure.telephone && !structure.courriel && !structure.site_web && <p>{S.noContact}</p>}
          <ContactLinks telephone={structure.telephone} courriel={structure.courriel} />
          {structure.site_web && (
            <p>
              <a href={structure.site_web} rel="noopener">
                {S.website}
              </a>
            </p>
          )}
        </section>
      </div>

      <section aria-labelledby="hours-title">
        <h2 id="hours-title">{S.hoursTitle}</h2>
        <HoursBlock engine={engine} hours={structureHours} now={now} week testId="structure-hours" />
        {structure.horaires_note && <p data-testid="hours-note">{structure.horaires_note}</p>}
      </section>

      {structure.description && <p>{structure.description}</p>}

      <section aria-labelledby="services-title">
        <h2 id="services-title">{S.services}</h2>
        {services.length === 0 && <p>{S.noServices}</p>}
        {services.map((s) => (
          <ServiceSection
            key={s.id}
            service={s}
            structure={structure}
            engine={engine}
            now={now}
            pending={pendingKeys.has(`service:${s.id}`)}
            annotations={
              professional &&
              actions &&
              account && (
                <ServiceAnnotations
                  service={s}
                  actions={actions}
                  accountId={account.id}
                  coordinator={account.role === 'coordinateur'}
                  suggestions={suggestions}
                />
              )
            }
          />
        ))}
      </section>

      {context.programme && <PartnerActions programme={context.programme} structureId={structure.id} />}

      {professional && actions && (
        <MdmRecommendations
          communes={structure.recommandee_pour ?? []}
          editable={account?.role === 'coordinateur'}
          onSave={(next) => void actions.setRecommendations(structure.id, next)}
        />
      )}

      {actions && account && (
        <SheetReports
          actions={actions}
          structureId={structure.id}
          services={services.map((s) => ({ id: s.id, nom: s.nom }))}
        />
      )}

      <PartnerOnBoard structure={structure} account={account} />

      <footer class="sheet-footer">
        <Freshness freshness={freshnessOf(structure, DEFAULT_FREQUENCY_MONTHS, now)} />
        {actions && (professional || account?.structure_id === structure.id) && (
          <ListingConfirm onConfirm={() => actions.confirm(structure.id)} />
        )}
        <a class="button primary" href={`/partenaires/${encodeURIComponent(structure.id)}/modifier`}>
          {S.editStructure}
        </a>
      </footer>
    </article>
  );
}
