import type { ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Account } from '../../domain/sync-protocol.ts';
import { SearchForm } from '../directory/SearchForm.tsx';
import { fr } from '../strings.ts';

const H = fr.home;

/**
 * Accueil: search the directory or start an orientation, in one tap. The sync status is in the header. Kept tiny:
 * it is the first screen, on the first load's budget. Coordinators also get the coverage screen.
 */
export function HomeScreen({
  account,
  workKept,
}: {
  account?: ReadonlySignal<Account | null>;
  /** An orientation in progress is on the device: the button resumes it. */
  workKept?: ReadonlySignal<boolean>;
}) {
  const location = useLocation();
  const [q, setQ] = useState('');
  const own = account?.value?.role === 'partenaire' ? account.value.structure_id : undefined;
  return (
    <section aria-labelledby="home-title" class="home">
      <h1 id="home-title">{H.title}</h1>
      <p>{H.intro}</p>
      {own && (
        <div class="home-actions">
          <a
            class="button primary big"
            href={`/partenaires/${encodeURIComponent(own)}`}
            aria-describedby="home-own-hint"
          >
            {fr.listings.ownListing}
          </a>
          <p id="home-own-hint" class="hint">
            {fr.listings.ownListingHint}
          </p>
        </div>
      )}
      <SearchForm
        id="home-q"
        text={H}
        value={q}
        onInput={setQ}
        onSubmit={() => {
          const query = q.trim();
          location.route(query ? `/annuaire?${new URLSearchParams({ q: query })}` : '/annuaire');
        }}
      />
      <div class="home-actions">
        <a class="button primary big" href="/orientation" aria-describedby="home-orientation-hint">
          {workKept?.value ? H.resumeOrientation : H.newOrientation}
        </a>
        <p id="home-orientation-hint" class="hint">
          {H.newOrientationHint}
        </p>
        <a class="button big" href="/annuaire">
          {H.browse}
        </a>
        {account?.value?.role === 'coordinateur' && (
          <>
            <a class="button big" href="/couverture" aria-describedby="home-coverage-hint">
              {H.coverage}
            </a>
            <p id="home-coverage-hint" class="hint">
              {H.coverageHint}
            </p>
            <a class="button big" href="/propositions" aria-describedby="home-proposals-hint">
              {H.proposals}
            </a>
            <p id="home-proposals-hint" class="hint">
              {H.proposalsHint}
            </p>
            <a class="button big" href="/donnees" aria-describedby="home-data-hint">
              {H.data}
            </a>
            <p id="home-data-hint" class="hint">
              {H.dataHint}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
