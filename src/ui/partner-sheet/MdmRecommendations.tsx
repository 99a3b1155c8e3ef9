import { useState } from 'preact/hooks';
import { ADDRESSABLE_COMMUNES, communeByCode } from '../../domain/communes.ts';
import { frDirectoryScreen } from '../directory/strings-directory-screen.ts';
import { frListings } from '../text/strings-listings.ts';

const L = frListings;
const collator = new Intl.Collator('fr');
const OPTIONS = [...ADDRESSABLE_COMMUNES].sort((a, b) => collator.compare(a.nom, b.nom));

/**
 * The communes whose Maison de la Métropole recommends this partner: shown to professionals, curated by
 * coordinators (the server refuses it from anyone else).
 */
export function MdmRecommendations({
  communes,
  editable,
  onSave,
}: {
  communes: readonly string[];
  editable: boolean;
  onSave: (next: string[]) => void;
}) {
  const [choice, setChoice] = useState('');
  const name = (code: string) => communeByCode(code)?.nom ?? code;
  return (
    <section aria-labelledby="mdm-title" class="mdm-recommendations">
      <h2 id="mdm-title">{L.recommendedTitle}</h2>
      {communes.length === 0 ? (
        <p class="muted">{L.notRecommended}</p>
      ) : (
        <ul class="chips" data-testid="mdm-recommendations">
          {communes.map((code) => (
            <li key={code}>
              {name(code)}
              {editable && (
                <>
                  {' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={L.recommendRemove(name(code))}
                    onClick={() => onSave(communes.filter((c) => c !== code))}
                  >
                    ×
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice && !communes.includes(choice)) onSave([...communes, choice]);
            setChoice('');
          }}
        >
          <label for="mdm-commune">{L.recommendAdd}</label>
          <select id="mdm-commune" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{frDirectoryScreen.anyCommune}</option>
            {OPTIONS.map((c) => (
              <option key={c.code_insee} value={c.code_insee}>
                {c.nom}
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            {L.recommendAddButton}
          </button>
        </form>
      )}
    </section>
  );
}
