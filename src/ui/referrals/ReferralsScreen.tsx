import { useEffect, useState } from 'preact/hooks';
import type { ReferralOnDevice } from '../../db/referral-repo.ts';
import type { ReferralStats } from '../../domain/referral.ts';
import { MOTIFS_REFUS_ORIENTATION, STATUTS_ORIENTATION } from '../../domain/vocabulary.ts';
import { Badge } from '../components/Badge.tsx';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { fr } from '../strings.ts';
import { numericDate, numericDateOf } from '../text/fr-format.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { NotificationSettings } from './NotificationSettings.tsx';
import type { ReferralModel } from './referral-model.ts';
import { contentOf, isReceived, reminderOf, statusLabel, statusTone } from './referral-view.ts';
import { frReferral } from './strings-referral.ts';
import { namesOf, type ReferralContext, useReferralModel } from './use-referrals.ts';

const R = frReferral;

/** Route /orientations: a partner's inbox, the referrals sent by the account's team, or a coordinator's counts. */
export function ReferralsScreen({ context }: { context: ReferralContext }) {
  const model = useReferralModel(context.referrals);
  const account = context.session.account.value;
  if (!account) {
    return (
      <section aria-labelledby="referrals-title">
        <h1 id="referrals-title">{R.listTitle}</h1>
        <p>
          {R.signInFirst} <a href="/connexion">{fr.nav.signIn}</a>
        </p>
      </section>
    );
  }
  if (account.role === 'coordinateur') return <Stats model={model} />;
  const items = model?.items.value ?? null;
  const received = items?.filter((i) => isReceived(i, account)) ?? [];
  const sent = items?.filter((i) => !isReceived(i, account)) ?? [];
  // The server feeds a worker in a team the referrals of the whole team (senderScope in referral-rules.ts).
  const team = account.role === 'travailleur' && account.equipe_id !== undefined;
  const list = (shown: ReferralOnDevice[], none: string, testId: string) =>
    shown.length === 0 ? (
      <p>{none}</p>
    ) : (
      <ul class="plain stack" data-testid={testId}>
        {shown.map((item) => (
          <ReferralItem key={item.id} item={item} model={model} catalog={context.catalog.value} />
        ))}
      </ul>
    );
  // Only a server that says so: an older one (no field) or a list never synced says nothing either way.
  const mailOff = model?.policy.value.notifications_courriel === false;
  return (
    <section aria-labelledby="referrals-title">
      <h1 id="referrals-title">{R.listTitle}</h1>
      {mailOff && (
        <p class="notice" data-testid="mail-off">
          {R.mailOff} : {account.role === 'partenaire' ? R.mailOffReceived : R.mailOffSent}
        </p>
      )}
      {items === null ? (
        <p aria-busy="true">{frDirectory.loading}</p>
      ) : (
        <>
          {account.role === 'partenaire' && (
            <>
              <h2>{R.received}</h2>
              {list(received, R.noneReceived, 'referrals-received')}
            </>
          )}
          <h2>{team ? R.sentByTeam : R.sent}</h2>
          {list(sent, team ? R.noneSentByTeam : R.noneSent, 'referrals-sent')}
        </>
      )}
      {model?.notifications && <NotificationSettings access={model.notifications} />}
    </section>
  );
}

function ReferralItem(props: { item: ReferralOnDevice; model: ReferralModel | null; catalog: CatalogModel | null }) {
  const { item, model, catalog } = props;
  const content = contentOf(item);
  const { partner, service } = namesOf(catalog, content.service_id);
  const person = content.reponses.personne_nom;
  const reminder = model ? reminderOf(item, model.now(), model.policy.value) : null;
  return (
    <li class="card referral-item" data-testid="referral">
      <h3>
        <a href={`/orientations/${encodeURIComponent(item.id)}`}>
          {typeof person === 'string' ? person : R.personUnknown}
        </a>
      </h3>
      <p>{R.to(partner, service)}</p>
      {item.server && <p>{R.from(item.server.envoyeur.nom)}</p>}
      <p>
        <Badge tone={statusTone(item)} testId="referral-status">
          {statusLabel(item)}
        </Badge>{' '}
        {item.server
          ? frReferral.sentOnDate(numericDateOf(Date.parse(item.server.envoyee_le)))
          : frReferral.writtenOnDate(numericDateOf(Date.parse(item.updatedAt)))}
      </p>
      {item.server?.motif && <p>{R.reasonLabel(MOTIFS_REFUS_ORIENTATION[item.server.motif])}</p>}
      {item.server?.rendez_vous && (
        <p data-testid="referral-appointment-line">
          {R.appointment.title} :{' '}
          {R.appointment.when(numericDate(item.server.rendez_vous.date), item.server.rendez_vous.heure)}
        </p>
      )}
      {reminder && <p class="notice">{reminder}</p>}
    </li>
  );
}

function Stats({ model }: { model: ReferralModel | null }) {
  const [stats, setStats] = useState<ReferralStats | null | 'offline'>(null);
  useEffect(() => {
    if (model) void model.stats().then(setStats, () => setStats('offline'));
  }, [model]);
  return (
    <section aria-labelledby="referrals-title">
      <h1 id="referrals-title">{R.statsTitle}</h1>
      <p>{R.statsIntro}</p>
      {stats === 'offline' ? (
        <p class="notice">{R.statsOffline}</p>
      ) : stats === null ? (
        <p aria-busy="true">{frDirectory.loading}</p>
      ) : (
        <>
          <p data-testid="referral-total">{R.statsTotal(stats.total)}</p>
          <p>{R.statsErased(stats.effacees)}</p>
          <h2>{R.byStatus}</h2>
          <ul>
            {Object.entries(stats.par_statut).map(([k, n]) => (
              <li key={k}>
                {STATUTS_ORIENTATION[k as keyof typeof STATUTS_ORIENTATION] ?? k} : {n}
              </li>
            ))}
          </ul>
          <h2>{R.byReason}</h2>
          <ul>
            {Object.entries(stats.par_motif).map(([k, n]) => (
              <li key={k}>
                {MOTIFS_REFUS_ORIENTATION[k as keyof typeof MOTIFS_REFUS_ORIENTATION] ?? k} : {n}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
