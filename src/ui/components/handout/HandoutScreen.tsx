import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { CatalogModel } from '../../models/catalog-model.ts';
import type { WorkInProgress } from '../../models/work-in-progress.ts';
import { fr } from '../../strings.ts';
import { fullDate } from '../../text/fr-format.ts';
import { type PartnerSheet, partnerSheet, sheetText } from '../../text/handout-sheet.ts';
import { HandoutPartner } from './HandoutPartner.tsx';

const T = fr.handout;

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  /** The orientation in progress, with the sheet's partners and first name, read back from the device. */
  work: WorkInProgress;
}

/**
 * Route /fiche: the recap as a sheet to hand over — printed (A4, large type, see the print rules in styles.css)
 * or shared as text. Built on the device from the directory; works offline. Nothing about the person appears on
 * it except the first name the worker may type for it.
 */
export function HandoutScreen({ catalog, work }: Props) {
  const { recap } = work;
  const location = useLocation();
  const current = catalog.value;
  const now = useMemo(() => Date.now(), []);
  useEffect(() => {
    void current?.ensureHours();
  }, [current]);
  const engine = current?.hours.value ?? null;
  const items = recap.items.value;
  const firstName = recap.firstName.value.trim();
  const sheets: PartnerSheet[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const entry = current?.entry(item.serviceId);
    if (entry) sheets.push(partnerSheet(item, entry, engine, now));
    else if (current?.snapshot.value) missing.push(item.serviceId);
  }
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const share = () => {
    void navigator.share({ title: T.shareTitle, text: sheetText(sheets, firstName, now) }).catch(() => {
      // Cancelled by the person, or refused by the system: nothing to do, the sheet is still on screen.
    });
  };

  return (
    <section class="handout" aria-labelledby="handout-title">
      <div class="handout-controls no-print">
        <p>
          <a href="/orientation">{T.back}</a>
        </p>
        <div class="field">
          <label for="handout-first-name">{T.firstName}</label>
          <input
            id="handout-first-name"
            type="text"
            autocomplete="off"
            value={recap.firstName.value}
            aria-describedby="handout-first-name-hint"
            onInput={(e) => {
              recap.firstName.value = e.currentTarget.value;
            }}
          />
          <p id="handout-first-name-hint" class="hint">
            {T.firstNameHint}
          </p>
        </div>
        <div class="actions">
          <button type="button" class="button primary" onClick={() => window.print()} disabled={sheets.length === 0}>
            {T.print}
          </button>
          {canShare && (
            <button type="button" class="button" onClick={share} disabled={sheets.length === 0}>
              {T.share}
            </button>
          )}
          <button
            type="button"
            class="button"
            aria-describedby="handout-finish-hint"
            onClick={() => void work.finish().then(() => location.route('/'))}
          >
            {T.finish}
          </button>
        </div>
        <p id="handout-finish-hint" class="hint">
          {T.finishHint}
        </p>
      </div>
      <header class="handout-head">
        <h1 id="handout-title">{T.title}</h1>
        {firstName && <p class="handout-for">{T.forPerson(firstName)}</p>}
        <p>{T.madeOn(fullDate(now))}</p>
      </header>
      {items.length === 0 && <p class="empty">{T.empty}</p>}
      {missing.map((id) => (
        <p key={id} class="notice no-print">
          {T.missing}{' '}
          <button type="button" class="link-button" onClick={() => recap.remove(id)}>
            {fr.orientation.remove}
          </button>
        </p>
      ))}
      {sheets.map((s) => (
        <HandoutPartner key={s.serviceId} sheet={s} onRemove={() => recap.remove(s.serviceId)} />
      ))}
    </section>
  );
}
