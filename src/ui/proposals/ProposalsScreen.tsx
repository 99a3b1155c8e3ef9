import { useEffect, useMemo, useState } from 'preact/hooks';
import { shownToCoordinator, withinTerritory } from '../../domain/territory.ts';
import { ROLES } from '../../domain/vocabulary-roles.ts';
import { type DuplicateCandidate, type DuplicateIndex, duplicateIndex } from '../../matching/search/duplicates.ts';
import type { AppContext } from '../boot.ts';
import { useInSteps } from '../components/use-in-steps.ts';
import type { Proposal as Item, ListingActions } from '../partner-sheet/listing-actions.ts';
import { dayMonthYear, fullDate } from '../text/fr-format.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { frListings } from '../text/strings-listings.ts';
import { frProposals as P } from './strings-proposals.ts';

const L = frListings;
/** Likely duplicates offered at once; the search finds any other. */
const LIKELY = 5;
const FOUND = 8;
/** Proposals drawn at each turn of the page. */
const PROPOSALS_STEP = 4;
export type ProposalsContext = Pick<AppContext, 'session' | 'listings' | 'pending' | 'directory'>;

/**
 * « Propositions » (new partners): coordinators validate a proposed partner, merge it into the structure it
 * duplicates, or refuse it with a reason; a worker follows its own proposals. Each decision is an ordinary offline
 * edit, sent at the next sync.
 */
export function ProposalsScreen({ context }: { context: ProposalsContext }) {
  const [actions, setActions] = useState<ListingActions | null>(null);
  const [data, setData] = useState<Awaited<ReturnType<ListingActions['proposals']>> | null>(null);
  const pending = context.pending.items.value;
  const version = context.directory.version.value;
  useEffect(() => {
    void context.listings().then(async (a) => {
      setActions(a);
      setData(await a.proposals());
    });
  }, [pending, version]);
  const account = context.session.account.value;
  const coordinator = account?.role === 'coordinateur';
  // A coordinator of a territory: its communes' proposals, to decide, and its own elsewhere, to follow as a worker
  // does (the feed brings the Métropole's; src/domain/territory.ts says why the device narrows them).
  const items =
    data?.proposals.filter(({ proposal }) =>
      shownToCoordinator(account, [proposal.code_insee], proposal.proposee_par?.account_id),
    ) ?? null;
  // Only a coordinator chooses duplicates: the index over the published partners is built for them alone.
  const published = data?.published;
  const duplicates = useMemo(() => (coordinator && published ? duplicateIndex(published) : null), [published]);
  // Each proposal looks for its likely duplicates as it is drawn: a few at a time.
  const drawn = useInSteps(items?.length ?? 0, PROPOSALS_STEP, PROPOSALS_STEP);
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">{L.proposalsTitle}</h1>
      <p>{coordinator ? L.proposalsIntro : L.myProposalsIntro}</p>
      {!coordinator && (
        <p>
          <a class="button" href="/propositions/nouvelle">
            {L.propose}
          </a>
        </p>
      )}
      {items === null && <p aria-busy="true">{frDirectory.loading}</p>}
      {items?.length === 0 && <p>{L.noProposals}</p>}
      <ul class="plain" data-testid="proposals">
        {items?.slice(0, drawn).map((item) => (
          <li key={item.proposal.id} class="card">
            <Proposal
              item={item}
              actions={actions}
              duplicates={account && withinTerritory(account, [item.proposal.code_insee]) ? duplicates : null}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** « Proposée par … le … »: the author's name, role and team as the record has them, the date written out. */
function proposedBy({ proposal, team }: Item): string {
  const by = proposal.proposee_par;
  const on = proposal.proposee_le ? fullDate(Date.parse(proposal.proposee_le)) : null;
  if (!by) return P.listingDated(dayMonthYear(proposal.date_maj));
  const about = [by.role ? ROLES[by.role] : '', team ?? ''].filter(Boolean);
  return on
    ? P.proposedBy(by.nom, about, on)
    : `${P.proposedBy(by.nom, about, null)}. ${P.listingDated(dayMonthYear(proposal.date_maj))}`;
}

function Proposal({
  item,
  actions,
  duplicates,
}: {
  item: Item;
  actions: ListingActions | null;
  /** Null for anyone but a coordinator: no decisions to take. */
  duplicates: DuplicateIndex | null;
}) {
  const { proposal } = item;
  const [target, setTarget] = useState('');
  const [other, setOther] = useState('');
  const likely = useMemo(() => duplicates?.likely(proposal, LIKELY) ?? [], [duplicates, proposal]);
  const found = useMemo(() => {
    const shown = new Set(likely.map((s) => s.id));
    return (duplicates?.find(other, FOUND + LIKELY) ?? []).filter((s) => !shown.has(s.id)).slice(0, FOUND);
  }, [duplicates, other, likely]);
  const [motif, setMotif] = useState('');
  const [errors, setErrors] = useState<{ merge?: string; refuse?: string }>({});
  const [done, setDone] = useState(false);
  const key = proposal.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const decide = async (action: () => Promise<{ ok: boolean }>) => {
    const result = await action();
    setDone(result.ok);
  };
  return (
    <article aria-labelledby={`p-${key}`}>
      <h2 id={`p-${key}`}>
        <a href={`/partenaires/${encodeURIComponent(proposal.id)}`}>{proposal.nom}</a>
      </h2>
      <p>
        {proposal.adresse}, {proposal.code_postal} {proposal.commune}
      </p>
      <p class="muted" data-testid="proposed-by">
        {proposedBy(item)}
      </p>
      <p class="badge">{proposal.refus ? L.refused(proposal.refus.par, proposal.refus.motif) : L.pending}</p>
      <p role="status">{done ? L.decided : ''}</p>
      {duplicates && actions && (
        <div class="proposal-decisions">
          <button type="button" class="button primary" onClick={() => void decide(() => actions.validate(proposal.id))}>
            {L.validate}
          </button>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!target) return setErrors({ merge: L.mergeRequired });
              setErrors({});
              void decide(() => actions.merge(proposal.id, target));
            }}
          >
            <fieldset class="merge-choice" aria-describedby={errors.merge ? `merge-${key}-error` : undefined}>
              <legend>{L.mergeLabel}</legend>
              <p id={`merge-${key}-likely`} class="hint">
                {likely.length > 0 ? P.likelyTitle : P.noLikely}
              </p>
              {likely.length > 0 && (
                <ul class="plain merge-options" aria-labelledby={`merge-${key}-likely`}>
                  {likely.map((c) => (
                    <MergeOption key={c.id} group={key} candidate={c} checked={target === c.id} onPick={setTarget} />
                  ))}
                </ul>
              )}
              <div class="field">
                <label for={`merge-${key}-search`}>{P.searchOther}</label>
                <input
                  id={`merge-${key}-search`}
                  type="search"
                  autocomplete="off"
                  value={other}
                  onInput={(e) => setOther(e.currentTarget.value)}
                />
              </div>
              {other.trim() !== '' &&
                (found.length > 0 ? (
                  <ul class="plain merge-options" aria-label={P.foundTitle} aria-live="polite">
                    {found.map((c) => (
                      <MergeOption key={c.id} group={key} candidate={c} checked={target === c.id} onPick={setTarget} />
                    ))}
                  </ul>
                ) : (
                  <p aria-live="polite">{P.noneFound}</p>
                ))}
            </fieldset>
            <button type="submit" class="button">
              {L.merge}
            </button>
            {errors.merge && (
              <p id={`merge-${key}-error`} class="field-error">
                {errors.merge}
              </p>
            )}
          </form>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!motif.trim()) return setErrors({ refuse: L.refuseRequired });
              setErrors({});
              void decide(() => actions.refuse(proposal.id, motif));
            }}
          >
            <label for={`refuse-${key}`}>{L.refuseLabel}</label>
            <input
              id={`refuse-${key}`}
              value={motif}
              aria-invalid={errors.refuse ? 'true' : undefined}
              aria-describedby={errors.refuse ? `refuse-${key}-error` : undefined}
              onInput={(e) => setMotif(e.currentTarget.value)}
            />
            <button type="submit" class="button">
              {L.refuse}
            </button>
            {errors.refuse && (
              <p id={`refuse-${key}-error`} class="field-error">
                {errors.refuse}
              </p>
            )}
          </form>
        </div>
      )}
    </article>
  );
}

function MergeOption({
  group,
  candidate,
  checked,
  onPick,
}: {
  group: string;
  candidate: DuplicateCandidate;
  checked: boolean;
  onPick: (id: string) => void;
}) {
  return (
    <li>
      <label class="check">
        <input
          type="radio"
          name={`merge-${group}`}
          value={candidate.id}
          checked={checked}
          onChange={() => onPick(candidate.id)}
        />
        <span>
          <strong>{candidate.nom}</strong> — {candidate.adresse}, {candidate.code_postal} {candidate.commune}
        </span>
      </label>
    </li>
  );
}
