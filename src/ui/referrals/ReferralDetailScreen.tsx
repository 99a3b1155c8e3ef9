import type { ReferralOnDevice } from '../../db/referral-repo.ts';
import { transitionProblem } from '../../domain/referral-rules.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { CONSENTEMENT_PAR, MOTIFS_REFUS_ORIENTATION, STATUTS_ORIENTATION } from '../../domain/vocabulary.ts';
import { type ROLES, roleBesideName } from '../../domain/vocabulary-roles.ts';
import { Badge } from '../components/Badge.tsx';
import { numericDateTime } from '../text/fr-format.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { AppointmentCard } from './AppointmentCard.tsx';
import { UndeliveredNotice } from './ReachNotice.tsx';
import { ReferralAnswerForm } from './ReferralAnswerForm.tsx';
import { ReferralSheet } from './ReferralSheet.tsx';
import type { ReferralModel } from './referral-model.ts';
import { contentOf, expiryOf, isReceived, reminderOf, statusLabel, statusTone } from './referral-view.ts';
import { frReferral } from './strings-referral.ts';
import { namesOf, type ReferralContext, useReferralModel } from './use-referrals.ts';

const R = frReferral;

/** Who did it: the name, and the role when the name does not say it already. */
function byLine(nom: string, role: keyof typeof ROLES): string {
  const said = roleBesideName(nom, role);
  return said ? `${nom} (${said})` : nom;
}

/** Route /orientations/:id: the fiche as sent, its status and history, the partner's answer or the sender's cancel. */
export function ReferralDetailScreen({ context, id }: { context: ReferralContext; id: string }) {
  const model = useReferralModel(context.referrals);
  const account = context.session.account.value;
  const items = model?.items.value;
  if (!model || !items) return <p aria-busy="true">{frDirectory.loading}</p>;
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
  const entry = context.catalog.value?.entry(content.service_id);
  const telephone =
    entry && (entry.service.fiche_liaison.telephone ?? entry.service.telephone ?? entry.structure?.telephone);
  // Refused by the server, or waiting unread at a partner whose account was disabled since it was sent.
  const refused = !server && item.refusal !== null && item.pending.length === 0;
  const unread =
    server !== null &&
    (server.statut === 'envoyee' || server.statut === 'recue') &&
    entry?.structure !== undefined &&
    entry.structure.recoit_orientations !== true &&
    !isReceived(item, account);
  return (
    <section class="narrow referral-detail" aria-labelledby="referral-title">
      <p class="no-print">
        <a href="/orientations">{R.back}</a>
      </p>
      <h1 id="referral-title">{R.detailTitle}</h1>
      <p>
        <Badge tone={statusTone(item)} testId="referral-status">
          {statusLabel(item)}
        </Badge>
      </p>
      {(refused || unread) && <UndeliveredNotice refused={refused} partner={partner} telephone={telephone} />}
      {server?.motif && <p data-testid="referral-reason">{R.reasonLabel(MOTIFS_REFUS_ORIENTATION[server.motif])}</p>}
      {server?.rendez_vous && (
        <AppointmentCard
          appointment={server.rendez_vous}
          partner={partner}
          structure={context.catalog.value?.entry(content.service_id)?.structure}
        />
      )}
      {server?.effacee_le && <p class="notice">{R.erased}</p>}
      {reminder && <p class="notice">{reminder}</p>}
      {expiry && <p>{expiry}</p>}
      <ReferralSheet
        partner={partner}
        service={service}
        form={content.formulaire}
        answers={content.reponses}
        message={content.message}
        consent={R.consentRecorded(by, numericDateTime(Date.parse(consent.recueilli_le)), partner)}
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
                  numericDateTime(Date.parse(step.at)),
                  step.par ? byLine(step.par.nom, step.par.role) : null,
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
  const server = item.server;
  if (!server || item.pending.length > 0) return null;
  const sides = [
    ...(isReceived(item, account) ? (['destinataire'] as const) : []),
    // The feed brings only the account's sides: a referral not received by its structure was sent by its team.
    ...(!isReceived(item, account) || server.envoyeur.account_id === account.id ? (['envoyeur'] as const) : []),
  ];
  const can = (to: 'recue' | 'acceptee' | 'refusee' | 'annulee') => !transitionProblem(server.statut, to, sides);
  if (!can('recue') && !can('acceptee') && !can('refusee') && !can('annulee')) return null;
  return (
    <>
      {(can('acceptee') || can('refusee')) && (
        <ReferralAnswerForm onAnswer={(change) => model.setStatus(server.id, change)} now={model.now} />
      )}
      {(can('recue') || can('annulee')) && (
        <div class="actions no-print">
          {can('recue') && (
            <button type="button" class="button" onClick={() => void model.setStatus(server.id, { statut: 'recue' })}>
              {R.markReceived}
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
      )}
    </>
  );
}
