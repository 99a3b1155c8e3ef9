import { useState } from 'preact/hooks';
import type { ReferralOnDevice } from '../../../db/referral-repo.ts';
import { transitionProblem } from '../../../domain/referral-rules.ts';
import type { Account } from '../../../domain/sync-protocol.ts';
import { CONSENTEMENT_PAR, MOTIFS_REFUS_ORIENTATION, ROLES, STATUTS_ORIENTATION } from '../../../domain/vocabulary.ts';
import type { ReferralModel } from '../../models/referral-model.ts';
import { fr } from '../../strings.ts';
import { ReferralSheet } from './ReferralSheet.tsx';
import { contentOf, dateTimeFr, expiryOf, isReceived, reminderOf, statusLabel } from './referral-view.ts';
import { namesOf, type ReferralContext, useReferralModel } from './use-referrals.ts';

const R = fr.referral;

/** Route /orientations/:id: the fiche as sent, its status and history, the partner's answer or the sender's cancel. */
export function ReferralDetailScreen({ context, id }: { context: ReferralContext; id: string }) {
  const model = useReferralModel(context.referrals);
  const account = context.session.account.value;
  const items = model?.items.value;
  if (!model || !items) return <p aria-busy="true">{fr.directory.loading}</p>;
  const item = items.find((i) => i.id === id);
  if (!item || !account) {
    return (
      <section>
        <h1>{R.detailTitle}</h1>
        <p role="alert">{R.notFound}</p>
        <a href="/orientations">{R.back}</a>
      </section>
    );
  }
  const content = contentOf(item);
  const { partner, service } = namesOf(context.catalog.value, content.service_id);
  const consent = content.consentement;
  const by = consent.representant_nom ?? CONSENTEMENT_PAR[consent.par];
  const server = item.server;
  const reminder = reminderOf(item, model.now(), model.policy.value);
  const expiry = expiryOf(item, model.policy.value);
  return (
    <section class="narrow referral-detail" aria-labelledby="referral-title">
      <p class="no-print">
        <a href="/orientations">{R.back}</a>
      </p>
      <h1 id="referral-title">{R.detailTitle}</h1>
      <p>
        <strong class="badge" data-testid="referral-status">
          {statusLabel(item)}
        </strong>
      </p>
      {server?.motif && <p data-testid="referral-reason">{R.reasonLabel(MOTIFS_REFUS_ORIENTATION[server.motif])}</p>}
      {server?.effacee_le && <p class="notice">{R.erased}</p>}
      {reminder && <p class="notice">{reminder}</p>}
      {expiry && <p>{expiry}</p>}
      <ReferralSheet
        partner={partner}
        service={service}
        form={content.formulaire}
        answers={content.reponses}
        message={content.message}
        consent={R.consentRecorded(by, dateTimeFr(consent.recueilli_le), partner)}
        by={server?.envoyeur.nom ?? account.nom}
      />
      {server && server.historique.length > 0 && (
        <>
          <h2>{R.history}</h2>
          <ol data-testid="referral-history">
            {server.historique.map((step, i) => (
              <li key={i}>
                {R.historyStep(
                  STATUTS_ORIENTATION[step.statut],
                  dateTimeFr(step.at),
                  step.par ? `${step.par.nom} (${ROLES[step.par.role]})` : null,
                )}
                {step.motif && ` · ${R.reasonLabel(MOTIFS_REFUS_ORIENTATION[step.motif])}`}
                {step.note && <p class="hint">{R.note(step.note)}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      <Actions item={item} account={account} model={model} />
      <p class="no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {R.print}
        </button>
      </p>
    </section>
  );
}

function Actions({ item, account, model }: { item: ReferralOnDevice; account: Account; model: ReferralModel }) {
  const [motif, setMotif] = useState<keyof typeof MOTIFS_REFUS_ORIENTATION>('hors-criteres');
  const [note, setNote] = useState('');
  const server = item.server;
  if (!server || item.pending.length > 0) return null;
  const sides = [
    ...(isReceived(item, account) ? (['destinataire'] as const) : []),
    // The feed brings only the account's sides: a referral not received by its structure was sent by its team.
    ...(!isReceived(item, account) || server.envoyeur.account_id === account.id ? (['envoyeur'] as const) : []),
  ];
  const can = (to: 'recue' | 'acceptee' | 'refusee' | 'annulee') => !transitionProblem(server.statut, to, sides);
  const withNote = note.trim() ? { note: note.trim() } : {};
  const answer = (statut: 'recue' | 'acceptee' | 'refusee') =>
    void model.setStatus(server.id, { statut, ...(statut === 'refusee' ? { motif } : {}), ...withNote });
  if (!can('recue') && !can('acceptee') && !can('refusee') && !can('annulee')) return null;
  return (
    <fieldset class="form-section no-print">
      <legend>{R.answerLegend}</legend>
      {(can('acceptee') || can('refusee')) && (
        <>
          <div class="field">
            <label for="f-motif">{R.refuseReason}</label>
            <select
              id="f-motif"
              value={motif}
              onChange={(e) => setMotif(e.currentTarget.value as keyof typeof MOTIFS_REFUS_ORIENTATION)}
            >
              {Object.entries(MOTIFS_REFUS_ORIENTATION).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-note">{R.noteLabel}</label>
            <textarea
              id="f-note"
              rows={3}
              maxLength={1000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
        </>
      )}
      <div class="actions">
        {can('recue') && (
          <button type="button" class="button" onClick={() => answer('recue')}>
            {R.markReceived}
          </button>
        )}
        {can('acceptee') && (
          <button type="button" class="button primary" onClick={() => answer('acceptee')}>
            {R.accept}
          </button>
        )}
        {can('refusee') && (
          <button type="button" class="button" onClick={() => answer('refusee')}>
            {R.refuse}
          </button>
        )}
        {can('annulee') && (
          <button
            type="button"
            class="button"
            onClick={() => window.confirm(R.cancelConfirm) && void model.setStatus(server.id, { statut: 'annulee' })}
          >
            {R.cancel}
          </button>
        )}
      </div>
    </fieldset>
  );
}
