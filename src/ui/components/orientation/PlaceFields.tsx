import type { OrientationModel } from '../../models/orientation-model.ts';
import { fr } from '../../strings.ts';
import { PlacePicker } from '../PlacePicker.tsx';
import { FIELD_IDS } from './field-ids.ts';

/** Where the person lives (or is): distances and the territory's services start there. */
export function PlaceFields({ model }: { model: OrientationModel }) {
  return (
    <PlacePicker
      id={FIELD_IDS.lieu}
      legend={fr.orientation.place.legend}
      value={model.draft.value}
      locating={model.locating.value}
      onType={(text, code) => model.typeCommune(text, code)}
      onLocate={() => void model.locate()}
    />
  );
}
