import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { AgendaModel } from '../agenda/agenda-model.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { NeedsStep } from './NeedsStep.tsx';
import type { Step } from './orientation-model.ts';
import { ProfileStep } from './ProfileStep.tsx';
import { RecapBar } from './RecapBar.tsx';
import { ResultsStep } from './ResultsStep.tsx';
import { frOrientation } from './strings-orientation.ts';
import type { WorkInProgress } from './work-in-progress.ts';

const T = frOrientation;
const STEPS: readonly Step[] = ['profil', 'besoins', 'resultats'];

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  /** The programme of actions, for the « prochain atelier » hint on result cards; absent in tests. */
  programme?: () => Promise<AgendaModel>;
  /** The orientation in progress, read back from the device (kept there until « Nouvelle orientation »). */
  work: WorkInProgress;
}

/** Route /orientation: profile, needs, results, all on the device; picked partners go to the recap (/fiche). */
export function OrientationScreen({ catalog, work, programme }: Props) {
  const { orientation: model, recap } = work;
  const title = useRef<HTMLHeadingElement>(null);
  const current = catalog.value;
  const step = model.step.value;
  // The hours library (a separate chunk) starts loading with the flow; results re-run by themselves once it is in.
  useEffect(() => {
    if (current) model.start();
  }, [current]);
  useEffect(() => {
    if (model.focus.value.seq === 0) title.current?.focus();
  }, []);

  return (
    <section class="orientation" aria-labelledby="orientation-title">
      <div class="orientation-head">
        <h1 id="orientation-title" tabIndex={-1} ref={title}>
          {T.title}
        </h1>
        <button
          type="button"
          class="button"
          // A new orientation is a new person: their answers, picks and first name all go, here and on the device.
          onClick={() => void work.finish()}
        >
          {T.restart}
        </button>
      </div>
      <ol class="steps" aria-label={T.stepsLabel}>
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {T.steps[s]}
          </li>
        ))}
      </ol>
      {step === 'profil' ? (
        <ProfileStep model={model} />
      ) : step === 'besoins' ? (
        <NeedsStep model={model} />
      ) : (
        <ResultsStep model={model} catalog={current} recap={recap} {...(programme ? { programme } : {})} />
      )}
      {/* Last in the section and sticky: stays at the bottom of the screen during the whole flow. */}
      <RecapBar recap={recap} />
    </section>
  );
}
