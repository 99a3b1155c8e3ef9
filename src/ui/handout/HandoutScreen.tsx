import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LANGUES } from '../../domain/vocabulary.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import type { WorkInProgress } from '../orientation/work-in-progress.ts';
import { and } from '../text/fr-format.ts';
import {
  HANDOUT_LANGUAGES,
  type HandoutLanguageCode,
  handoutLanguage,
  isHandoutLanguage,
  loadWords,
  preselected,
  untranslated,
} from '../text/handout-language.ts';
import { fr, type HandoutWords } from '../text/handout-languages/fr.ts';
import { type PartnerSheet, partnerSheet } from '../text/handout-sheet.ts';
import { shareText, sheetLanguage } from '../text/handout-text.ts';
import { HandoutPartner } from './HandoutPartner.tsx';
import { HandoutSend } from './HandoutSend.tsx';
import { frHandout as T } from './strings-handout.ts';

interface Props {
  catalog: ReadonlySignal<CatalogModel | null>;
  /** The orientation in progress, with the sheet's partners, first name and language, read back from the device. */
  work: WorkInProgress;
}

/** The chosen language's words, loaded on demand (French is always there); null while loading or if it failed. */
function useWords(code: HandoutLanguageCode): { words: HandoutWords | null; failed: boolean } {
  const [loaded, setLoaded] = useState<{ code: HandoutLanguageCode; words: HandoutWords | null } | null>(null);
  useEffect(() => {
    if (code === 'fr') return;
    let live = true;
    loadWords(code).then(
      (words) => live && setLoaded({ code, words }),
      () => live && setLoaded({ code, words: null }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (code === 'fr') return { words: fr, failed: false };
  const here = loaded?.code === code ? loaded : null;
  return { words: here?.words ?? null, failed: here !== null && here.words === null };
}

const byFrenchName = [...HANDOUT_LANGUAGES].sort((a, b) => LANGUES[a.code].localeCompare(LANGUES[b.code], 'fr'));

/**
 * Route /fiche: the recap as a sheet to hand over, in the person's language beside French — printed (A4, large
 * type, see the print rules in styles.css), shared through the device's share sheet, or sent by SMS or e-mail.
 * Built on the device from the directory; works offline. Nothing about the person appears on it except the first
 * name the worker may type for it.
 */
export function HandoutScreen({ catalog, work }: Props) {
  const { orientation, recap } = work;
  const location = useLocation();
  const current = catalog.value;
  const now = useMemo(() => Date.now(), []);
  useEffect(() => {
    void current?.ensureHours();
  }, [current]);
  const langues = orientation.draft.value.langues;
  const chosen = orientation.handoutLanguage.value;
  const code = chosen !== null && isHandoutLanguage(chosen) ? chosen : preselected(langues);
  const { words, failed } = useWords(code);
  const french = useMemo(() => sheetLanguage(handoutLanguage('fr'), fr), []);
  const translated = useMemo(
    () => (code !== 'fr' && words ? sheetLanguage(handoutLanguage(code), words) : null),
    [code, words],
  );
  const missingLanguages = untranslated(langues);

  const engine = current?.hours.value ?? null;
  const items = recap.items.value;
  const firstName = recap.firstName.value.trim();
  const sheets: PartnerSheet[] = [];
  const missing: string[] = [];
  for (const item of items) {
    // A service that moves is handed over at the stop the orientation proposed: its place, hours and position.
    const atStop = item.stopId
      ? current?.snapshot.value?.stops.find((s) => s.id === item.serviceId && s.stop?.id === item.stopId)
      : undefined;
    const entry = atStop ?? current?.entry(item.serviceId);
    if (entry) sheets.push(partnerSheet(item, entry, engine, now));
    else if (current?.snapshot.value) missing.push(item.serviceId);
  }
  const person = translated ?? french;
  const text = shareText(sheets, person.words, person.format, firstName, now, person === french);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  // Printing or sharing the sheet ends the orientation: its anonymous event is recorded (once per orientation).
  const printSheet = () => {
    work.ended();
    window.print();
  };
  const share = () => {
    work.ended();
    void navigator.share({ title: person.words.title, text }).catch(() => {
      // Cancelled by the person, or refused by the system: nothing to do, the sheet is still on screen.
    });
  };

  return (
    <section class="handout" aria-labelledby="handout-title">
      <div class="handout-controls no-print">
        <p>
          <a href="/orientation">{T.back}</a>
        </p>
        <div class="handout-settings">
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
          <div class="field">
            <label for="handout-language">{T.language}</label>
            <select
              id="handout-language"
              value={code}
              aria-describedby="handout-language-hint"
              onChange={(e) => {
                orientation.handoutLanguage.value = e.currentTarget.value as HandoutLanguageCode;
              }}
            >
              {byFrenchName.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.code === 'fr' ? T.frenchOnly : T.languageOption(LANGUES[l.code], l.name)}
                </option>
              ))}
            </select>
            <div id="handout-language-hint">
              <p class="hint">{T.languageHint}</p>
              {chosen === null && code !== 'fr' && <p class="hint">{T.fromProfile}</p>}
              {missingLanguages.length > 0 && (
                <p class="hint">{T.noTranslation(and(missingLanguages.map((l) => LANGUES[l])))}</p>
              )}
              {failed && <p class="hint">{T.languageFailed}</p>}
            </div>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="button primary" onClick={printSheet} disabled={sheets.length === 0}>
            {T.print}
          </button>
          {canShare && (
            <button type="button" class="button" onClick={share} disabled={sheets.length === 0}>
              {T.share}
            </button>
          )}
        </div>
        {!canShare && sheets.length > 0 && (
          <HandoutSend text={text} subject={person.words.title} onSent={() => work.ended()} />
        )}
        {/* Last: once the sheet is printed or sent, the worker ends the orientation. */}
        <div class="actions">
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
        <div class={`handout-blocks${translated ? ' two' : ''}`} dir={translated?.language.dir ?? 'ltr'}>
          {translated && (
            <div
              class="handout-block"
              lang={translated.language.tag}
              dir={translated.language.dir}
              data-testid="handout-head-translated"
            >
              <p class="handout-title">{translated.words.title}</p>
              {firstName && <p class="handout-for">{translated.words.forPerson(firstName)}</p>}
              <p>
                {translated.words.madeOn(translated.format.fullDate(now))} {translated.words.callFirst}
              </p>
            </div>
          )}
          <div class="handout-block" lang="fr" dir="ltr">
            <h1 id="handout-title">{fr.title}</h1>
            {firstName && <p class="handout-for">{fr.forPerson(firstName)}</p>}
            <p>
              {fr.madeOn(french.format.fullDate(now))} {fr.callFirst}
            </p>
          </div>
        </div>
      </header>
      {items.length === 0 && <p class="empty">{T.empty}</p>}
      {missing.map((id) => (
        <p key={id} class="notice no-print">
          {T.missing}{' '}
          <button type="button" class="link-button" onClick={() => recap.remove(id)}>
            {T.removeMissing}
          </button>
        </p>
      ))}
      {sheets.map((s) => (
        <HandoutPartner
          key={s.serviceId}
          sheet={s}
          french={french}
          translated={translated}
          now={now}
          onRemove={() => recap.remove(s.serviceId)}
        />
      ))}
    </section>
  );
}
