import type { PartnerSheet } from '../text/handout-sheet.ts';
import type { BlockInWords, SheetLanguage } from '../text/handout-text.ts';
import { CATEGORY_PICTOGRAMS, Pictogram, type PictogramName } from './Pictogram.tsx';
import { frHandout } from './strings-handout.ts';

interface Props {
  sheet: PartnerSheet;
  block: BlockInWords;
  written: SheetLanguage;
  /** « translated » or « fr »: the person's language, or the French the partner reads. */
  kind: 'translated' | 'fr';
}

function Heading({ picto, children }: { picto: PictogramName; children: string }) {
  return (
    <h3>
      <Pictogram name={picto} />
      <span>{children}</span>
    </h3>
  );
}

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul class="plain">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/**
 * What the sheet says about one partner in one language, with its `lang` and direction: Arabic and Dari blocks
 * are right to left, and their layout mirrors (CSS logical properties). The French block stays left to right.
 */
export function HandoutBlock({ sheet, block, written: { language, words: w }, kind }: Props) {
  const h = block.hours;
  return (
    <div
      class={`handout-block handout-block-${kind}`}
      lang={language.tag}
      dir={language.dir}
      data-testid={`handout-block-${kind}`}
    >
      {block.category && sheet.category && (
        <p class="handout-category">
          <Pictogram name={CATEGORY_PICTOGRAMS[sheet.category]} />
          <span>{block.category}</span>
        </p>
      )}
      <Heading picto="clock">{h?.reception ? w.receptionHours : w.hours}</Heading>
      <div data-testid="handout-hours">
        {h === null ? (
          <p lang="fr" dir="ltr">
            {frHandout.hoursLoading}
          </p>
        ) : (
          <>
            {h.temporary.map((line) => (
              <p key={line} class="temporary">
                <Pictogram name="warning" />
                <span>{line}</span>
              </p>
            ))}
            {h.next.length > 0 && (
              <>
                <p class="label">
                  <Pictogram name="calendar" />
                  <span>{w.nextOpenings}</span>
                </p>
                <Lines lines={h.next} />
              </>
            )}
            {h.week.length > 0 && (
              <>
                <p class="label">
                  <Pictogram name="clock" />
                  <span>{w.everyWeek}</span>
                </p>
                <Lines lines={h.week} />
              </>
            )}
            {h.note && <p>{h.note}</p>}
            {h.none && <p>{w.noHours}</p>}
          </>
        )}
      </div>
      {block.howToGo.length > 0 && (
        <>
          <Heading picto="route">{w.howToGo}</Heading>
          <Lines lines={block.howToGo} />
        </>
      )}
      <Heading picto="document">{w.toBring}</Heading>
      <Lines lines={block.documents.length > 0 ? block.documents : [w.nothingToBring]} />
      <Heading picto="door">{w.welcome}</Heading>
      <Lines lines={block.welcome} />
      <Heading picto="price">{w.price}</Heading>
      <Lines lines={[block.price]} />
      {block.seeFrench && <p class="handout-see-french">{w.seeFrench}</p>}
    </div>
  );
}
