import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useInSteps } from '../components/use-in-steps.ts';
import { DirectoryMapLazy, ListMapToggle } from '../map/ListMapToggle.tsx';
import { PlacePicker } from '../orientation/PlacePicker.tsx';
import { createPlaceChoice, type PlaceChoice } from '../orientation/place-choice.ts';
import { communeName } from '../orientation/profile-draft.ts';
import { fr } from '../strings.ts';
import type { CatalogModel } from './catalog-model.ts';
import { DirectoryFilters, filterLabel } from './DirectoryFilters.tsx';
import {
  activeFilters,
  type DirectoryQuery,
  type DirectoryResult,
  directoryAnswer,
  queryFromParams,
  urlOf,
  withFilter,
} from './directory-search-model.ts';
import { SearchForm } from './SearchForm.tsx';
import { ServiceResultCard } from './ServiceResultCard.tsx';
import { frDirectoryScreen } from './strings-directory-screen.ts';
import { useCardHours } from './use-card-hours.ts';

const A = frDirectoryScreen;
/** Cards per step of the list: enough to choose from on a tablet, few enough to show at once after a cold start. */
const PAGE = 20;
/** Typing pauses shorter than this do not search: one search per word rather than per letter. */
const DEBOUNCE_MS = 180;
/**
 * Cards drawn with the answer, the others at the page's next turns: the first screenful shows without waiting for the
 * twenty (after a cold start, the first result is what the person waits for).
 */
const FIRST_CARDS = 5;
const ANNUAIRE_PATH = urlOf({ q: '', filters: {} });
/**
 * Where the Annuaire's distances start: kept in memory while the app is open (back from a partner sheet, it is
 * still there), never stored nor put in the URL, since a position is often where the person lives.
 */
const sessionPlace = createPlaceChoice();

/**
 * The Annuaire: full-text search as you type and filters over the whole directory on the device, the query in
 * the URL (deep links and the back button work offline), services labelled with their partner.
 */
export function DirectoryScreen({
  catalog,
  ownStructure,
  place = sessionPlace,
  directoryExpected = false,
}: {
  catalog: ReadonlySignal<CatalogModel | null>;
  /** A partner account's own structure, offered first (keep its own listing true). */
  ownStructure?: string | undefined;
  place?: PlaceChoice;
  /**
   * The device holds services the catalog has not read yet, or its first download is on its way: an empty list
   * means « still loading », not « no directory on this device ».
   */
  directoryExpected?: boolean;
}) {
  const location = useLocation();
  const query = queryFromParams(location.query);
  const [text, setText] = useState(query.q);
  const [limit, setLimit] = useState(PAGE);
  const [asMap, setAsMap] = useState(false);
  const latest = useRef(query);
  latest.current = query;
  const pushed = useRef(query.q);
  const typingPause = useRef<ReturnType<typeof setTimeout>>();

  const go = (next: DirectoryQuery) => {
    clearTimeout(typingPause.current);
    pushed.current = next.q.trim();
    setLimit(PAGE);
    location.route(urlOf(next), true);
  };
  // The URL changed from elsewhere (back button, a link): the box follows.
  useEffect(() => {
    if (query.q !== pushed.current) {
      pushed.current = query.q;
      setText(query.q);
    }
  }, [query.q]);
  useEffect(() => {
    if (text.trim() === latest.current.q) return;
    // A card tapped during the pause starts loading its sheet while this screen stays mounted: the pause's end
    // must not route back to the Annuaire from there.
    typingPause.current = setTimeout(() => {
      if (window.location.pathname === ANNUAIRE_PATH) go({ ...latest.current, q: text });
    }, DEBOUNCE_MS);
    return () => clearTimeout(typingPause.current);
  }, [text]);

  const model = catalog.value;
  // The « open » filters need the hours library on the page; the cards alone have theirs from the hours worker.
  const openFilter = query.filters.ouvert;
  useEffect(() => {
    if (openFilter) void model?.ensureHours();
  }, [model, openFilter]);

  // Typing re-renders the box at each letter; the search itself runs when the URL (debounced), the directory, the
  // hours library or the page size change.
  const snapshot = model?.snapshot.value;
  const entries = model?.searchEntries.value;
  const engine = model?.hours.value;
  const origin = place.origin.value;
  const searched = useMemo(
    () => directoryAnswer(model, query, Date.now(), limit, origin),
    [model, entries, engine, location.url, limit, origin],
  );
  const answer = useCardHours(searched, engine, () => void model?.ensureHours());
  // The same element while the answer is: typing in the box does not draw the cards again.
  const results = answer.state === 'ready' ? answer.results : null;
  const resultList = useMemo(() => results && <ResultList results={results} />, [results]);
  const placeValue = place.place.value;
  const active = activeFilters(query.filters);
  // Professionals' own criteria present on the device, for the criterion filter (partners' feeds carry none).
  const criteres = useMemo(() => {
    const tags = new Set<string>();
    for (const e of snapshot?.entries ?? []) for (const t of e.service.criteres ?? []) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b, 'fr'));
  }, [snapshot]);
  return (
    <section aria-labelledby="directory-title" class="directory">
      <h1 id="directory-title">{A.title}</h1>
      {ownStructure && (
        <p>
          <a class="button primary" href={`/partenaires/${encodeURIComponent(ownStructure)}`}>
            {fr.listings.ownListing}
          </a>
        </p>
      )}
      <SearchForm id="annuaire-q" text={A} value={text} onInput={setText} onSubmit={() => go({ ...query, q: text })} />
      <DirectoryFilters query={query} onChange={go} criteres={criteres} />
      <details class="more place-choice" open={placeValue.commune !== null || place.locating.value !== 'idle'}>
        <summary>
          {frDirectoryScreen.placeLegend}
          {placeValue.commune !== null ? ` : ${communeName(placeValue.commune)}` : ''}
        </summary>
        <PlacePicker
          id="annuaire-lieu"
          legend={frDirectoryScreen.placeLegend}
          legendHidden
          value={placeValue}
          locating={place.locating.value}
          onType={(text, code) => {
            setLimit(PAGE);
            place.typeCommune(text, code);
          }}
          onLocate={() => {
            setLimit(PAGE);
            void place.locate();
          }}
        />
        <p class="hint">{frDirectoryScreen.placeHint}</p>
        {placeValue.communeText !== '' && (
          <p>
            <button type="button" class="button small" onClick={() => place.clear()}>
              {frDirectoryScreen.clearPlace}
            </button>
          </p>
        )}
      </details>
      {active.length > 0 && (
        <p>
          <button type="button" class="button small" onClick={() => go({ q: query.q, filters: {} })}>
            {A.clearFilters}
          </button>
        </p>
      )}
      <p aria-live="polite" data-testid="result-count" class="result-count">
        {answer.state === 'ready' ? A.count(answer.total) : ''}
        {answer.state === 'ready' && answer.total > 0 && origin && !query.q.trim() && placeValue.commune
          ? ` — ${frDirectoryScreen.nearestFirst(communeName(placeValue.commune) ?? '')}`
          : ''}
      </p>
      {answer.state === 'ready' && query.filters.ouvert && answer.hours === 'not_loaded' && (
        <p class="notice">{A.hoursLoading}</p>
      )}
      {answer.state === 'ready' && answer.total === 0 && (
        <div class="empty" data-testid="empty-results">
          <p>
            <strong>{A.emptyTitle}</strong>
          </p>
          {query.q && answer.withoutFilters !== undefined && answer.withoutFilters > 0 ? (
            <p>{frDirectoryScreen.emptyWithFilters(query.q, answer.withoutFilters)}</p>
          ) : (
            query.q && (
              <p>
                {A.emptyQuery(query.q)}{' '}
                <button type="button" class="button small" onClick={() => go({ ...query, q: '' })}>
                  {A.clearQuery}
                </button>
              </p>
            )
          )}
          {active.length > 0 && (
            <>
              <p>{A.emptyFilters}</p>
              <ul class="plain inline">
                {active.map((key) => (
                  <li key={key}>
                    <button type="button" class="button small" onClick={() => go(withFilter(query, key, undefined))}>
                      {A.removeFilter(filterLabel(query.filters, key))}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ListMapToggle asMap={asMap} onChange={setAsMap} />
      {/* Where the list will be, so that nothing above it moves when it comes. */}
      {(answer.state === 'loading' || (answer.state === 'no-directory' && directoryExpected)) && (
        <p aria-busy="true">{A.loading}</p>
      )}
      {answer.state === 'no-directory' && !directoryExpected && <p class="empty">{A.noDirectory}</p>}
      {asMap && model && <DirectoryMapLazy answer={answer} catalog={model} onMore={() => setLimit(limit + PAGE)} />}
      {!asMap && answer.state === 'ready' && answer.results.length > 0 && (
        <>
          {resultList}
          {answer.total > answer.results.length && (
            <button type="button" class="button wide" onClick={() => setLimit(limit + PAGE)}>
              {A.showMore(answer.total - answer.results.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The answer's cards, in steps. */
function ResultList({ results }: { results: readonly DirectoryResult[] }) {
  const drawn = useInSteps(results.length, FIRST_CARDS, PAGE);
  return (
    <ul class="result-list" aria-label={A.resultsLabel}>
      {results.slice(0, drawn).map((result) => (
        <ServiceResultCard key={result.entry.id} result={result} />
      ))}
    </ul>
  );
}
