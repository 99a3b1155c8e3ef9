import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Action } from '../../domain/action.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { randomId } from '../components/random-id.ts';
import { useFocusFirstError } from '../components/use-focus-first-error.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { ActionFields } from './ActionFields.tsx';
import {
  type ActionFormState,
  checkActionForm,
  emptyActionForm,
  type FieldErrors,
  formOfAction,
} from './action-form.ts';
import type { AgendaModel } from './agenda-model.ts';
import { frAgenda } from './strings-agenda.ts';
import { useAgenda } from './use-agenda.ts';

const F = frAgenda.actionForm;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  programme: () => Promise<AgendaModel>;
  account: ReadonlySignal<Account | null | undefined>;
  /** Absent: a new action. */
  id?: string;
}

/**
 * Adds or changes an action of the programme, offline: checked with the domain schema (a message under each field
 * at fault, nothing written), then saved on the device with its outbox entry and sent at the next sync.
 */
export function ActionEditScreen({ catalog, programme, account, id }: Props) {
  const model = useAgenda(programme);
  const me = account.value;
  const [previous, setPrevious] = useState<Action | undefined | null>(id === undefined ? undefined : null);
  const [form, setForm] = useState<ActionFormState>(() =>
    emptyActionForm(me?.structure_id ?? '', parisDay(Date.now())),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failures, setFailures] = useState(0);
  const [status, setStatus] = useState<'editing' | 'saved' | 'invalid'>('editing');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, failures);

  useEffect(() => {
    if (!model || id === undefined) return;
    void model.find(id).then((found) => {
      setPrevious(found);
      if (found) setForm(formOfAction(found));
    });
  }, [model, id]);

  const structures = catalog.value?.snapshot.value?.structures;
  const organisers: Array<readonly [string, string]> =
    me?.role === 'partenaire'
      ? [[me.structure_id ?? '', structures?.get(me.structure_id ?? '')?.nom ?? me.nom]]
      : [...(structures?.values() ?? [])]
          .sort((a, b) => collator.compare(a.nom, b.nom))
          .map((s) => [s.id, s.nom] as const);

  const title = id === undefined ? F.createTitle : F.editTitle;
  if (!model || previous === null) return <p>{frAgenda.agenda.loading}</p>;
  if (id !== undefined && previous === undefined) return <p role="alert">{F.notFound}</p>;
  const allowed = previous ? model.mayEdit(previous) : model.mayCreate();
  if (!allowed) {
    return (
      <section class="screen" aria-labelledby="action-title">
        <h1 id="action-title">{title}</h1>
        <p role="alert">{F.forbidden}</p>
      </section>
    );
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!model) return;
    const base = previous ?? {
      id: `boussole--action-${randomId(16)}`,
      source: 'boussole',
      version: 1,
      date_maj: parisDay(Date.now()),
    };
    const checked = checkActionForm(form, base);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus('invalid');
      setFailures((n) => n + 1);
      return;
    }
    const saved = await model.save(checked.action, previous ?? undefined);
    if (!saved.ok) {
      setErrors({ titre: saved.problems[0]?.message ?? F.invalid });
      setStatus('invalid');
      setFailures((n) => n + 1);
      return;
    }
    setErrors({});
    setPrevious(checked.action);
    setStatus('saved');
  }

  return (
    <section class="screen" aria-labelledby="action-title">
      <h1 id="action-title">{title}</h1>
      <p>{F.intro}</p>
      <form ref={formRef} onSubmit={save} noValidate>
        {status === 'invalid' && (
          <ErrorSummary errors={Object.keys(errors).length > 0 ? errors : { form: F.invalid }} />
        )}
        <ActionFields
          form={form}
          errors={errors}
          set={(patch) => setForm({ ...form, ...patch })}
          organisers={organisers}
        />
        {status === 'saved' && (
          <p class="notice" role="status" data-testid="action-saved">
            {F.saved} <a href="/agenda">{frAgenda.agenda.title}</a>
          </p>
        )}
        <button type="submit" class="button primary">
          {F.save}
        </button>
      </form>
    </section>
  );
}
