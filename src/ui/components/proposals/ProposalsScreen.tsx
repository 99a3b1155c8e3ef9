import { useEffect, useState } from 'preact/hooks';
import type { Structure } from '../../../domain/structure.ts';
import type { AppContext } from '../../boot.ts';
import type { ListingActions } from '../../models/listing-actions.ts';
import { fr } from '../../strings.ts';

const L = fr.listings;
type Item = { proposal: Structure; candidates: Structure[] };
export type ProposalsContext = Pick<AppContext, 'session' | 'listings' | 'pending' | 'directory'>;

/**
 * « Propositions » (issue 7, new partners): coordinators validate a proposed partner, merge it into the structure it
 * duplicates, or refuse it with a reason; a worker follows its own proposals. Each decision is an ordinary offline
 * edit, sent at the next sync.
 */
export function ProposalsScreen({ context }: { context: ProposalsContext }) {
  const [actions, setActions] = useState<ListingActions | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const pending = context.pending.items.value;
  const version = context.directory.version.value;
  useEffect(() => {
    void context.listings().then(async (a) => {
      setActions(a);
      setItems(await a.proposals());
    });
  }, [pending, version]);
  const coordinator = context.session.account.value?.role === 'coordinateur';
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
      {items === null && <p aria-busy="true">{fr.directory.loading}</p>}
      {items?.length === 0 && <p>{L.noProposals}</p>}
      <ul class="plain" data-testid="proposals">
        {items?.map((item) => (
          <li key={item.proposal.id} class="card">
            <Proposal item={item} actions={actions} coordinator={coordinator} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Proposal({
  item,
  actions,
  coordinator,
}: {
  item: Item;
  actions: ListingActions | null;
  coordinator: boolean;
}) {
  const { proposal, candidates } = item;
  const [target, setTarget] = useState('');
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
      {proposal.proposee_par && <p class="muted">{L.proposedBy(proposal.proposee_par.nom)}</p>}
      <p class="badge">{proposal.refus ? L.refused(proposal.refus.par, proposal.refus.motif) : L.pending}</p>
      <p role="status">{done ? L.decided : ''}</p>
      {coordinator && actions && (
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
            <label for={`merge-${key}`}>{L.mergeLabel}</label>
            <select
              id={`merge-${key}`}
              value={target}
              aria-invalid={errors.merge ? 'true' : undefined}
              aria-describedby={errors.merge ? `merge-${key}-error` : undefined}
              onChange={(e) => setTarget(e.currentTarget.value)}
            >
              <option value="">{L.mergeNone}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.nom} — {c.adresse}
                </option>
              ))}
            </select>
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
