import { useState } from 'preact/hooks';
import { ADDRESSABLE_COMMUNES, communeByCode } from '../../domain/communes.ts';
import { FILTRES_ALIMENTAIRES, type FiltreAlimentaire } from '../../domain/food-quality.ts';
import { BESOINS, LANGUES } from '../../domain/vocabulary.ts';
import type { Language } from '../../matching/reasons.ts';
import type { SearchFilters } from '../../matching/search/search.ts';
import { useWideEnough } from '../components/use-wide-enough.ts';
import { FILTRE_LABELS, frFood } from '../text/strings-food.ts';
import { frListings } from '../text/strings-listings.ts';
import { activeFilters, type DirectoryQuery, type FilterKey, withFilter } from './directory-search-model.ts';
import { frDirectoryScreen } from './strings-directory-screen.ts';

const A = frDirectoryScreen;
const collator = new Intl.Collator('fr');
const COMMUNE_OPTIONS = [...ADDRESSABLE_COMMUNES].sort((a, b) => collator.compare(a.nom, b.nom));
const LANGUAGE_OPTIONS = (Object.entries(LANGUES) as Array<[Language, string]>).sort((a, b) =>
  collator.compare(a[1], b[1]),
);

/** How an active filter reads on its "Retirer" button. */
export function filterLabel(filters: SearchFilters, key: FilterKey): string {
  switch (key) {
    case 'besoins':
      return filters.besoins?.[0] ? BESOINS[filters.besoins[0]].label : '';
    case 'commune':
      return communeByCode(filters.commune ?? '')?.nom ?? '';
    case 'ouvert':
      return A.ouvertOptions[filters.ouvert ?? ''];
    case 'prix':
      return A.prixOptions[filters.prix ?? ''];
    case 'sans_orientation':
      return A.sansOrientation;
    case 'langue':
      return filters.langue ? `${A.langue} : ${LANGUES[filters.langue]}` : '';
    case 'pmr':
      return A.pmr;
    case 'fraicheur':
      return frListings.fraicheurOptions[filters.fraicheur ?? ''];
    case 'critere':
      return filters.critere ?? '';
    case 'aliment':
      return filters.aliment ? FILTRE_LABELS[filters.aliment] : '';
  }
}

type FiltersProps = {
  query: DirectoryQuery;
  onChange: (next: DirectoryQuery) => void;
  /** Professionals' own criteria found in the directory; none for other readers. */
  criteres?: readonly string[];
};

/**
 * The Annuaire's filters. On a phone their seven selects would fill the first screen before any result: they are
 * folded under « Filtres (N actifs) » (a disclosure button; the panel follows it, so Tab goes on into it), and only
 * drawn once opened. The panel stays open while filters are changed.
 */
export function DirectoryFilters(props: FiltersProps) {
  const wide = useWideEnough();
  const [open, setOpen] = useState(false);
  if (wide) return <FilterFields {...props} />;
  const active = activeFilters(props.query.filters).length;
  return (
    <div class="filters-fold">
      <button
        type="button"
        class="button filters-toggle"
        aria-expanded={open}
        aria-controls="annuaire-filtres"
        onClick={() => setOpen(!open)}
      >
        {A.filtersToggle(active)}
      </button>
      <div id="annuaire-filtres" hidden={!open}>
        {open && <FilterFields {...props} />}
      </div>
    </div>
  );
}

/** The filters themselves; each change applies at once and goes to the URL. */
function FilterFields({ query, onChange, criteres = [] }: FiltersProps) {
  const f = query.filters;
  const set = <K extends FilterKey>(key: K, value: SearchFilters[K] | undefined) =>
    onChange(withFilter(query, key, value));
  const select = (
    id: string,
    label: string,
    value: string,
    options: Array<[string, string]>,
    on: (v: string) => void,
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => on(e.currentTarget.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset class="directory-filters">
      <legend>{A.filtersLegend}</legend>
      <div class="filter-grid">
        {select(
          'filtre-besoin',
          A.besoin,
          f.besoins?.[0] ?? '',
          [['', A.anyNeed], ...Object.entries(BESOINS).map(([v, n]): [string, string] => [v, n.label])],
          (v) => set('besoins', v ? [v as keyof typeof BESOINS] : undefined),
        )}
        {select(
          'filtre-commune',
          A.commune,
          f.commune ?? '',
          [['', A.anyCommune], ...COMMUNE_OPTIONS.map((c): [string, string] => [c.code_insee, c.nom])],
          (v) => set('commune', v || undefined),
        )}
        {select('filtre-ouvert', A.ouvert, f.ouvert ?? '', Object.entries(A.ouvertOptions), (v) =>
          set('ouvert', v === 'maintenant' || v === 'semaine' ? v : undefined),
        )}
        {select('filtre-prix', A.prix, f.prix ?? '', Object.entries(A.prixOptions), (v) =>
          set('prix', v === 'gratuit' || v === 'solidaire' ? v : undefined),
        )}
        {select(
          'filtre-aliment',
          frFood.filter.label,
          f.aliment ?? '',
          [['', frFood.filter.any], ...FILTRES_ALIMENTAIRES.map((v): [string, string] => [v, FILTRE_LABELS[v]])],
          (v) =>
            set(
              'aliment',
              (FILTRES_ALIMENTAIRES as readonly string[]).includes(v) ? (v as FiltreAlimentaire) : undefined,
            ),
        )}
        {select('filtre-langue', A.langue, f.langue ?? '', [['', A.anyLanguage], ...LANGUAGE_OPTIONS], (v) =>
          set('langue', (v || undefined) as Language | undefined),
        )}
        {select(
          'filtre-fraicheur',
          frListings.fraicheur,
          f.fraicheur ?? '',
          Object.entries(frListings.fraicheurOptions),
          (v) => set('fraicheur', v === 'a-jour' || v === 'a-verifier' ? v : undefined),
        )}
        {criteres.length > 0 &&
          select(
            'filtre-critere',
            frListings.critere,
            f.critere ?? '',
            [['', frListings.anyCritere], ...criteres.map((c): [string, string] => [c, c])],
            (v) => set('critere', v || undefined),
          )}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={f.sans_orientation === true}
          onChange={(e) => set('sans_orientation', e.currentTarget.checked || undefined)}
        />
        {A.sansOrientation}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={f.pmr === true}
          onChange={(e) => set('pmr', e.currentTarget.checked || undefined)}
        />
        {A.pmr}
      </label>
    </fieldset>
  );
}
