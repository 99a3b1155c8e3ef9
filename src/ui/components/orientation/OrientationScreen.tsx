import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CatalogModel } from '../../models/catalog-model.ts';
import { orientationModelFor, type Step } from '../../models/orientation-model.ts';
import type { ProgrammeModel } from '../../models/programme-model.ts';
import type { RecapModel } from '../../models/recap-model.ts';
import { fr } from '../../strings.ts';
import { NeedsStep } from './NeedsStep.tsx';
import { ProfileStep } from './ProfileStep.tsx';
import { RecapBar } from './RecapBar.tsx';
import { ResultsStep } from './ResultsStep.tsx';

const T = fr.orientation;
const STEPS: readonly Step[] = ['profil', 'besoins', 'resultats'];

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  /** The programme of actions, for the « prochain atelier » hint on result cards (issue 7); absent in tests. */
  programme?: () => Promise<ProgrammeModel>;
  recap: RecapModel;
}

/** Route /orientation: profile, needs, results, all on the device; picked partners go to the recap (/fiche). */
export function OrientationScreen({ catalog, recap, programme }: Props) {
  const model = orientationModelFor(catalog);
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
          onClick={() => {
            // A new orientation is a new person: their answers, picks and first name all go.
            model.reset();
            recap.clear();
          }}
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
