/**
 * The directory's search box, on Accueil and in the Annuaire: a labelled search field with its hint and a submit
 * button, in a `search` landmark. The field is controlled; what a submit does is the screen's.
 */
export function SearchForm({
  id,
  text,
  value,
  onInput,
  onSubmit,
}: {
  /** The field's id; its hint is `${id}-hint`. */
  id: string;
  /** The screen's words for the box. */
  text: { searchLabel: string; searchHint: string; searchSubmit: string };
  value: string;
  onInput: (value: string) => void;
  onSubmit: () => void;
}) {
  return (
    <search>
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <label for={id}>{text.searchLabel}</label>
        <div class="search-row">
          <input
            id={id}
            type="search"
            name="q"
            value={value}
            autocomplete="off"
            aria-describedby={`${id}-hint`}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
          <button type="submit" class="button primary">
            {text.searchSubmit}
          </button>
        </div>
        <p id={`${id}-hint`} class="hint">
          {text.searchHint}
        </p>
      </form>
    </search>
  );
}
