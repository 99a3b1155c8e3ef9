import { useEffect, useRef } from 'preact/hooks';
import type { Commune } from '../../domain/communes.ts';
import type { Locating, PlaceValue } from './place-choice.ts';
import { communeLabel, communeName, communeOfText, communeSuggestions } from './profile-draft.ts';
import { frOrientation } from './strings-orientation.ts';

const T = frOrientation.place;

interface Props {
  /** The commune field's id; its hint and status take it as a prefix. */
  id: string;
  legend: string;
  /** Read out but not shown, when a heading right above already says it (the Annuaire's disclosure). */
  legendHidden?: boolean;
  value: PlaceValue;
  locating: Locating;
  onType: (text: string, code: string | null) => void;
  onLocate: () => void;
}

/**
 * A place in the Métropole: a commune typed with suggestions from its communes, or the device's position
 * ("Utiliser ma position", GPS, works offline). Suggestions are buttons: touch, Tab and Enter. The orientation's
 * profile and the Annuaire's distances both ask it this way.
 */
export function PlacePicker({ id, legend, legendHidden = false, value, locating, onType, onLocate }: Props) {
  const recognised = value.commune !== null;
  const suggestions = recognised ? [] : communeSuggestions(value.communeText);
  const list = useRef<HTMLUListElement>(null);
  // On a phone the keyboard leaves little room: the suggestions are brought above the sticky recap bar (the page's
  // scroll-padding-bottom keeps them clear of it) rather than left under it.
  useEffect(() => {
    list.current?.scrollIntoView({ block: 'nearest' });
  }, [suggestions.length > 0]);
  const pick = (c: Commune) => {
    onType(communeLabel(c), c.code_insee);
    document.getElementById(id)?.focus();
  };
  let status = '';
  if (locating === 'locating') status = T.locating;
  else if (locating === 'outside') status = T.outside;
  else if (locating === 'failed') status = T.locateFailed;
  else if (locating === 'unsupported') status = T.locateUnsupported;
  else if (value.position && value.commune) status = T.located(communeName(value.commune) ?? '');
  else if (recognised) status = T.recognised(communeName(value.commune) ?? '');
  else if (value.communeText.trim() !== '')
    status = suggestions.length > 0 ? T.suggestionCount(suggestions.length) : T.unknown;

  return (
    <fieldset class="group">
      <legend class={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      <div class="field">
        <label for={id}>{T.commune}</label>
        <input
          id={id}
          type="text"
          autocomplete="off"
          autocapitalize="words"
          value={value.communeText}
          aria-describedby={`${id}-hint ${id}-status`}
          onInput={(e) => {
            const text = e.currentTarget.value;
            onType(text, communeOfText(text)?.code_insee ?? null);
          }}
        />
        <p id={`${id}-hint`} class="hint">
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
      <p id={`${id}-status`} class="status" aria-live="polite" data-testid="commune-status">
        {status}
      </p>
      <button type="button" class="button" onClick={onLocate} disabled={locating === 'locating'}>
        {T.locate}
      </button>
    </fieldset>
  );
}
