import { FIELD_IDS } from './field-ids.ts';
import type { OrientationModel } from './orientation-model.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { frOrientation } from './strings-orientation.ts';

/** Where the person lives (or is): distances and the territory's services start there. */
export function PlaceFields({ model }: { model: OrientationModel }) {
  return (
    <PlacePicker
      id={FIELD_IDS.lieu}
      legend={frOrientation.place.legend}
      value={model.draft.value}
      locating={model.locating.value}
      onType={(text, code) => model.typeCommune(text, code)}
      onLocate={() => void model.locate()}
    />
  );
}
