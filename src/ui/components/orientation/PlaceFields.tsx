import { useEffect, useRef } from 'preact/hooks';
import type { Commune } from '../../../domain/communes.ts';
import type { OrientationModel } from '../../models/orientation-model.ts';
import { communeLabel, communeName, communeOfText, communeSuggestions } from '../../models/profile-draft.ts';
import { fr } from '../../strings.ts';

const T = fr.orientation.place;

/**
 * Where the person lives (or is): a commune typed with suggestions from the Métropole's communes, or the
 * device's position ("Utiliser ma position", GPS, works offline). Suggestions are buttons: touch, Tab and Enter.
 */
export function PlaceFields({ model }: { model: OrientationModel }) {
  const d = model.draft.value;
  const locating = model.locating.value;
  const recognised = d.commune !== null;
  const suggestions = recognised ? [] : communeSuggestions(d.communeText);
  const list = useRef<HTMLUListElement>(null);
  // On a phone the keyboard leaves little room: the suggestions are brought above the sticky recap bar (the page's
  // scroll-padding-bottom keeps them clear of it) rather than left under it.
  useEffect(() => {
    list.current?.scrollIntoView({ block: 'nearest' });
  }, [suggestions.length > 0]);
  const pick = (c: Commune) => {
    model.typeCommune(communeLabel(c), c.code_insee);
    document.getElementById('o-commune')?.focus();
  };
  let status = '';
  if (locating === 'locating') status = T.locating;
  else if (locating === 'outside') status = T.outside;
  else if (locating === 'failed') status = T.locateFailed;
  else if (locating === 'unsupported') status = T.locateUnsupported;
  else if (d.position && d.commune) status = T.located(communeName(d.commune) ?? '');
  else if (recognised) status = T.recognised(communeName(d.commune) ?? '');
  else if (d.communeText.trim() !== '')
    status = suggestions.length > 0 ? T.suggestionCount(suggestions.length) : T.unknown;

  return (
    <fieldset class="group">
      <legend>{T.legend}</legend>
      <div class="field">
        <label for="o-commune">{T.commune}</label>
        <input
          id="o-commune"
          type="text"
          autocomplete="off"
          autocapitalize="words"
          value={d.communeText}
          aria-describedby="o-commune-hint o-commune-status"
          onInput={(e) => {
            const text = e.currentTarget.value;
            model.typeCommune(text, communeOfText(text)?.code_insee ?? null);
          }}
        />
        <p id="o-commune-hint" class="hint">
          {T.communeHint}
        </p>
      </div>
      {suggestions.length > 0 && (
        <ul class="suggestions" aria-label={T.suggestions} ref={list}>
          {suggestions.map((c) => (
            <li key={c.code_insee}>
              <button type="button" class="choice-button" onClick={() => pick(c)}>
                {communeLabel(c)} <span class="muted">{c.codes_postaux.join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id="o-commune-status" class="status" aria-live="polite" data-testid="commune-status">
        {status}
      </p>
      <button type="button" class="button" onClick={() => void model.locate()} disabled={locating === 'locating'}>
        {T.locate}
      </button>
    </fieldset>
  );
}
