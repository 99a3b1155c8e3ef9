import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { CampaignSection } from '../../domain/campaign.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/FormFields.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { useInSteps } from '../components/use-in-steps.ts';
import type { CampaignsReportsContext } from '../reports/ReportsScreen.tsx';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import { frDirectory } from '../text/strings-directory.ts';
import type { CampaignModel } from './campaign-model.ts';

const C = frCampaignsReports.campaigns;
/** Partners' checkboxes drawn at each turn of the page (a Métropole-wide list holds a few hundred). */
const PARTNERS_STEP = 60;
type Partner = { id: string; nom: string; commune: string };

/**
 * « Lancer une campagne » (coordinators): name, dates, the sections to review and the partners asked
 * (filtered by commune). Checked with the domain schema, a message under each field; saved offline with every
 * partner's answer record, sent at the next sync.
 */
export function CampaignNewScreen({ context }: { context: CampaignsReportsContext }) {
  const location = useLocation();
  const [model, setModel] = useState<CampaignModel | null>(null);
  const [partners, setPartners] = useState<Partner[]>([]);
  const today = parisDay(Date.now());
  const [nom, setNom] = useState('');
  const [debut, setDebut] = useState(today);
  const [fin, setFin] = useState('');
  const [sections, setSections] = useState<CampaignSection[]>(['horaires']);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [commune, setCommune] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  useEffect(() => {
    void context
      .listings()
      .then((a) => a.campaigns())
      .then(async (m) => {
        setModel(m);
        setPartners(await m.partners());
      });
  }, []);
  const communes = [...new Set(partners.map((p) => p.commune))].sort((a, b) => a.localeCompare(b, 'fr'));
  const shown = partners.filter((p) => !commune || p.commune === commune);
  const drawn = useInSteps(shown.length, PARTNERS_STEP, PARTNERS_STEP);
  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  return (
    <form
      ref={form}
      aria-labelledby="campaign-new-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!model) return;
        const saved = await model.launch({ nom: nom.trim(), debut, fin, sections, partenaires: [...chosen] });
        if (!saved.ok) {
          const byField: Record<string, string> = {};
          for (const p of saved.problems) byField[p.path.split(/[.[]/)[0] || 'nom'] ??= p.message;
          setErrors(byField);
          setFailures((n) => n + 1);
          return;
        }
        location.route('/campagnes');
      }}
    >
      <h1 id="campaign-new-title">{C.newTitle}</h1>
      <ErrorSummary errors={errors} />
      <TextField path="nom" label={C.name} value={nom} onInput={setNom} error={errors.nom} />
      <TextField path="debut" label={C.start} type="date" value={debut} onInput={setDebut} error={errors.debut} />
      <TextField path="fin" label={C.end} type="date" value={fin} onInput={setFin} error={errors.fin} />
      <fieldset id="f-sections" aria-describedby={errors.sections ? 'f-sections-error' : undefined}>
        <legend>{C.sectionsLegend}</legend>
        {Object.entries(frCampaignsReports.sections).map(([value, label]) => (
          <label key={value} class="choice">
            <input
              type="checkbox"
              checked={sections.includes(value as CampaignSection)}
              aria-invalid={errors.sections ? 'true' : undefined}
              onChange={(e) =>
                setSections([...toggle(new Set(sections), value as CampaignSection, e.currentTarget.checked)])
              }
            />{' '}
            {label}
          </label>
        ))}
        {errors.sections && (
          <p id="f-sections-error" class="field-error">
            {errors.sections}
          </p>
        )}
      </fieldset>
      <fieldset id="f-partenaires" aria-describedby={errors.partenaires ? 'f-partenaires-error' : undefined}>
        <legend>{C.partnersLegend}</legend>
        <SelectField
          path="campaign-commune"
          label={C.commune}
          value={commune}
          options={[['', C.allCommunes], ...communes.map((c) => [c, c] as const)]}
          onChange={setCommune}
        />
        <p>
          <button
            type="button"
            class="button"
            onClick={() => setChosen(new Set([...chosen, ...shown.map((p) => p.id)]))}
          >
            {C.selectShown}
          </button>
        </p>
        <p role="status">{C.selected(chosen.size)}</p>
        {errors.partenaires && (
          <p id="f-partenaires-error" class="field-error">
            {errors.partenaires}
          </p>
        )}
        <ul class="plain campaign-partners">
          {shown.slice(0, drawn).map((p) => (
            <li key={p.id}>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={chosen.has(p.id)}
                  aria-invalid={errors.partenaires ? 'true' : undefined}
                  onChange={(e) => setChosen(toggle(chosen, p.id, e.currentTarget.checked))}
                />{' '}
                {p.nom} ({p.commune})
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {model === null && <p aria-busy="true">{frDirectory.loading}</p>}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={model === null}>
          {C.submit}
        </button>
        <a class="button" href="/campagnes">
          {C.back}
        </a>
      </div>
    </form>
  );
}
