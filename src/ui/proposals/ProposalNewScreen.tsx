import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ADDRESSABLE_COMMUNES, communeByCode } from '../../domain/communes.ts';
import type { AppContext } from '../boot.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/FormFields.tsx';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import { frEditor } from '../editor/strings-editor.ts';
import { frListings } from '../text/strings-listings.ts';

const L = frListings;
const collator = new Intl.Collator('fr');
const COMMUNES = [...ADDRESSABLE_COMMUNES].sort((a, b) => collator.compare(a.nom, b.nom));
type Field = 'nom' | 'adresse' | 'code_postal' | 'code_insee' | 'telephone' | 'form';

/**
 * A worker proposes a new partner: saved on the device and queued; the server makes it a proposal shown
 * to its author and coordinators until a coordinator validates, merges or refuses it. Invalid input: a message next
 * to the field, nothing written.
 */
export function ProposalNewScreen({ context }: { context: Pick<AppContext, 'listings'> }) {
  const location = useLocation();
  const [values, setValues] = useState({ nom: '', adresse: '', code_postal: '', code_insee: '', telephone: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, failures);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  return (
    <section aria-labelledby="proposal-new-title">
      <h1 id="proposal-new-title">{L.newTitle}</h1>
      <p>{L.newIntro}</p>
      <form
        ref={form}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const commune = communeByCode(values.code_insee);
          const actions = await context.listings();
          const result = await actions.propose({
            nom: values.nom.trim(),
            adresse: values.adresse.trim(),
            code_postal: values.code_postal.trim(),
            code_insee: values.code_insee,
            commune: commune?.nom ?? '',
            ...(values.telephone.trim() ? { telephone: values.telephone.trim() } : {}),
          });
          if (result.ok) {
            location.route('/propositions');
            return;
          }
          const next: Partial<Record<Field, string>> = {};
          for (const p of result.problems) {
            const field = (p.path === 'commune' ? 'code_insee' : p.path) as Field;
            next[field in values ? field : 'form'] ??= p.message;
          }
          setErrors(next);
          setFailures((n) => n + 1);
        }}
      >
        <ErrorSummary errors={errors as Record<string, string>} />
        <TextField path="nom" label={frEditor.labels.nom} value={values.nom} onInput={set('nom')} error={errors.nom} />
        <TextField
          path="adresse"
          label={frEditor.labels.adresse}
          value={values.adresse}
          onInput={set('adresse')}
          error={errors.adresse}
        />
        <TextField
          path="code_postal"
          label={L.newCodePostal}
          value={values.code_postal}
          onInput={set('code_postal')}
          inputMode="numeric"
          error={errors.code_postal}
        />
        <div class="field">
          <label for="f-code_insee">{L.newCommune}</label>
          <select
            id="f-code_insee"
            value={values.code_insee}
            aria-invalid={errors.code_insee ? 'true' : undefined}
            aria-describedby={errors.code_insee ? 'f-code_insee-error' : undefined}
            onChange={(e) => set('code_insee')(e.currentTarget.value)}
          >
            <option value="">—</option>
            {COMMUNES.map((c) => (
              <option key={c.code_insee} value={c.code_insee}>
                {c.nom}
              </option>
            ))}
          </select>
          {errors.code_insee && (
            <p id="f-code_insee-error" class="field-error">
              {errors.code_insee}
            </p>
          )}
        </div>
        <TextField
          path="telephone"
          label={frEditor.labels.telephone}
          type="tel"
          value={values.telephone}
          onInput={set('telephone')}
          error={errors.telephone}
        />
        <button type="submit" class="button primary">
          {L.newSubmit}
        </button>
      </form>
    </section>
  );
}
