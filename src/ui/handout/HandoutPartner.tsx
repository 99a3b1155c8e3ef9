import { FoodOffer } from '../components/FoodOffer.tsx';
import { ItineraryLink } from '../components/ItineraryLink.tsx';
import type { PartnerSheet } from '../text/handout-sheet.ts';
import { blockInWords, type SheetLanguage } from '../text/handout-text.ts';
import { vcardOf } from '../text/vcard.ts';
import { HandoutBlock } from './HandoutBlock.tsx';
import { Pictogram } from './Pictogram.tsx';
import { QrCode } from './QrCode.tsx';
import { frHandout as T } from './strings-handout.ts';

interface Props {
  sheet: PartnerSheet;
  french: SheetLanguage;
  /** The person's language when it is not French: its block comes first, the French one beside it. */
  translated: SheetLanguage | null;
  now: number;
  onRemove: () => void;
}

/**
 * One partner on the person's sheet: its name, address, phone and QR code (the same in every language), then
 * what to know in the person's language and in French side by side: hours, how to get there, what to bring, how
 * to get in, price. The blocks' row follows the person's reading direction.
 */
export function HandoutPartner({ sheet, french, translated, now, onRemove }: Props) {
  // The service's own name, unless it only repeats the partner's name or its category (« Frigo solidaire »).
  const category = sheet.category ? french.words.category[sheet.category] : null;
  const serviceName = sheet.service !== sheet.name && sheet.service !== category ? sheet.service : null;
  return (
    <article class="handout-partner" aria-labelledby={`h-${sheet.serviceId}`} data-testid="handout-partner">
      <div class="handout-partner-head">
        <div class="handout-partner-id">
          <h2 id={`h-${sheet.serviceId}`}>{sheet.name}</h2>
          {serviceName && <p class="service-name">{serviceName}</p>}
          <p class="handout-line" data-testid="handout-address">
            <Pictogram name="pin" />
            <span>
              <span class="visually-hidden">{T.address}</span>
              {sheet.address.map((line) => (
                <span key={line} class="line">
                  {line}
                </span>
              ))}
            </span>
          </p>
          {sheet.phone && (
            <p class="handout-line">
              <Pictogram name="phone" />
              <a href={`tel:${sheet.phone.replace(/[^+\d]/g, '')}`}>
                <span class="visually-hidden">{T.phone}</span>
                {sheet.phone}
              </a>
            </p>
          )}
          {sheet.email && (
            <p class="handout-line">
              <Pictogram name="mail" />
              <span>
                <span class="visually-hidden">{T.email}</span>
                {sheet.email}
              </span>
            </p>
          )}
          {sheet.offre && (
            <div lang="fr" dir="ltr" data-testid="handout-food">
              <FoodOffer produits={sheet.offre.produits} choix={sheet.offre.choix} modes={sheet.offre.modes} full />
            </div>
          )}
          {sheet.address.length > 0 && (
            <p class="handout-line no-print">
              <Pictogram name="route" />
              <span>
                <ItineraryLink place={sheet} />
              </span>
            </p>
          )}
        </div>
        <figure class="handout-qr">
          <QrCode value={vcardOf(sheet)} label={T.qrLabel(sheet.name)} />
          <figcaption>
            {translated && (
              <span class="line" lang={translated.language.tag} dir={translated.language.dir}>
                {translated.words.qrCaption}
              </span>
            )}
            <span class="line" lang="fr" dir="ltr">
              {french.words.qrCaption}
            </span>
          </figcaption>
        </figure>
      </div>
      <div class={`handout-blocks${translated ? ' two' : ''}`} dir={translated?.language.dir ?? 'ltr'}>
        {translated && (
          <HandoutBlock
            sheet={sheet}
            block={blockInWords(sheet, translated.words, translated.format, now, false)}
            written={translated}
            kind="translated"
          />
        )}
        <HandoutBlock
          sheet={sheet}
          block={blockInWords(sheet, french.words, french.format, now, true)}
          written={french}
          kind="fr"
        />
      </div>
      <button type="button" class="button no-print" onClick={onRemove}>
        {T.remove(sheet.name)}
      </button>
    </article>
  );
}
