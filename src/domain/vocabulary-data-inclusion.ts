// data·inclusion v1 enumerations, imported from the reference copy with their labels as data·inclusion publishes
// them: the part of the vocabulary (vocabulary.ts) that only the directory's screens, schemas and importers read.
import frais from '../../reference/data-inclusion/v1/extra/frais.json';
import modesAccueil from '../../reference/data-inclusion/v1/extra/modes-accueil.json';
import publics from '../../reference/data-inclusion/v1/extra/publics.json';
import reseauxPorteurs from '../../reference/data-inclusion/v1/extra/reseaux-porteurs.json';
import thematiques from '../../reference/data-inclusion/v1/extra/thematiques.json';
import typesDeServices from '../../reference/data-inclusion/v1/extra/types-de-services.json';

type Labelled = Readonly<Record<string, string>>;

function fromDataInclusion(entries: ReadonlyArray<{ value: string; label: string }>): Labelled {
  return Object.freeze(Object.fromEntries(entries.map((e) => [e.value, e.label])));
}

// data·inclusion v1 enumerations (labels as published by data·inclusion).
export const PUBLICS = fromDataInclusion(publics);
export const THEMATIQUES = fromDataInclusion(thematiques);
export const TYPES_SERVICE = fromDataInclusion(typesDeServices);
export const RESEAUX_PORTEURS = fromDataInclusion(reseauxPorteurs);
export const MODES_ACCUEIL = fromDataInclusion(modesAccueil);
export const FRAIS_DATA_INCLUSION = fromDataInclusion(frais);
