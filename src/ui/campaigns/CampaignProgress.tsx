import { useRef, useState } from 'preact/hooks';
import { type CampaignChannel, type CampaignSection, compteurs } from '../../domain/campaign.ts';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { numericDate } from '../text/fr-format.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import type { CampaignModel, CampaignView, PartnerProgress } from './campaign-model.ts';

const C = frCampaignsReports.campaigns;

/**
 * A campaign as its coordinator follows it: counts of partners à faire / commencé / terminé, and per
 * partner its progress, the channels its answers came through, and a form to note an answer given by phone or
 * during a visit on its behalf.
 */
export function CampaignProgress({ view, model }: { view: CampaignView; model: CampaignModel }) {
  const { campagne } = view;
  const counts = compteurs(
    campagne,
    view.partners.flatMap((p) => (p.reponse ? [p.reponse] : [])),
  );
  return (
    <article class="card" aria-labelledby={`campaign-${campagne.id}`} data-testid="campaign">
      <h2 id={`campaign-${campagne.id}`}>{campagne.nom}</h2>
      <p>{C.dates(numericDate(campagne.debut), numericDate(campagne.fin))}</p>
      <p>{campagne.sections.map((s) => frCampaignsReports.sections[s]).join(', ')}</p>
      <p class="badge" data-testid="campaign-counts">
        {C.counts(counts['a-faire'], counts.commence, counts.termine)}
      </p>
      <details>
        <summary>{C.progressTitle}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{C.partner}</th>
              <th scope="col">{C.state}</th>
              <th scope="col">{C.channel}</th>
              <th scope="col">{C.record}</th>
            </tr>
          </thead>
          <tbody>
            {view.partners.map((p) => (
              <tr key={p.structureId} data-testid="campaign-partner">
                <th scope="row">{p.nom}</th>
                <td>
                  {frCampaignsReports.etats[p.progression.etat]} ({p.progression.faites}/{p.progression.total})
                </td>
                <td>{p.progression.canaux.map((c) => frCampaignsReports.canaux[c]).join(', ') || C.notAnswered}</td>
                <td>
                  <RecordAnswer view={view} partner={p} model={model} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}

function RecordAnswer({
  view,
  partner,
  model,
}: {
  view: CampaignView;
  partner: PartnerProgress;
  model: CampaignModel;
}) {
  const [canal, setCanal] = useState<CampaignChannel>('telephone');
  const [answers, setAnswers] = useState<Partial<Record<CampaignSection, 'confirmee' | 'modifiee'>>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  const fail = (message: string) => {
    setError(message);
    setFailures((n) => n + 1);
  };
  const base = `rec-${partner.structureId.replace(/[^A-Za-z0-9_]+/g, '-')}`;
  return (
    <details>
      <summary>{C.recordNamed(partner.nom)}</summary>
      <form
        ref={form}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (Object.keys(answers).length === 0) return fail(C.recordNothing);
          const saved = await model.record(view.campagne.id, partner.structureId, answers, canal);
          if (!saved.ok) return fail(saved.problems[0]?.message ?? frCampaignsReports.report.failed);
          setError(undefined);
          setAnswers({});
        }}
      >
        <p class="hint">{C.recordHint}</p>
        <label for={`${base}-canal`}>{C.recordChannel}</label>
        <select id={`${base}-canal`} value={canal} onChange={(e) => setCanal(e.currentTarget.value as CampaignChannel)}>
          <option value="telephone">{frCampaignsReports.canaux.telephone}</option>
          <option value="visite">{frCampaignsReports.canaux.visite}</option>
        </select>
        {view.campagne.sections.map((s) => (
          <div key={s} class="field">
            <label for={`${base}-${s}`}>{frCampaignsReports.sections[s]}</label>
            <select
              id={`${base}-${s}`}
              value={answers[s] ?? ''}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${base}-error` : undefined}
              onChange={(e) => {
                const value = e.currentTarget.value;
                const next = { ...answers };
                if (value === 'confirmee' || value === 'modifiee') next[s] = value;
                else delete next[s];
                setAnswers(next);
              }}
            >
              <option value="">
                {partner.reponse?.[s]
                  ? frCampaignsReports.checklist.done(
                      C[partner.reponse[s].etat === 'confirmee' ? 'confirmed' : 'edited'],
                    )
                  : C.notAnswered}
              </option>
              <option value="confirmee">{C.confirmed}</option>
              <option value="modifiee">{C.edited}</option>
            </select>
          </div>
        ))}
        {error && (
          <p id={`${base}-error`} class="field-error">
            {error}
          </p>
        )}
        <button type="submit" class="button">
          {C.recordSave}
        </button>
      </form>
    </details>
  );
}
