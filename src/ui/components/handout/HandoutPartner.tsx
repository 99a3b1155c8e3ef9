import { fr } from '../../strings.ts';
import type { PartnerSheet } from '../../text/handout-sheet.ts';
import { vcardOf } from '../../text/vcard.ts';
import { QrCode } from './QrCode.tsx';

const T = fr.handout;

/** One partner on the person's sheet: where, when, how to get in, what to bring, whom to call, and a QR code. */
export function HandoutPartner({ sheet, onRemove }: { sheet: PartnerSheet; onRemove: () => void }) {
  const h = sheet.hours;
  return (
    <article class="handout-partner" aria-labelledby={`h-${sheet.serviceId}`} data-testid="handout-partner">
      <div class="handout-partner-text">
        <h2 id={`h-${sheet.serviceId}`}>{sheet.name}</h2>
        <p class="service-name">{sheet.service}</p>
        <h3>{T.address}</h3>
        <p data-testid="handout-address">
          {sheet.address.map((line) => (
            <span key={line} class="line">
              {line}
            </span>
          ))}
        </p>
        {sheet.howToGo.length > 0 && (
          <>
            <h3>{T.howToGo}</h3>
            <ul class="plain">
              {sheet.howToGo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        <h3>{T.hours}</h3>
        <div data-testid="handout-hours">
          {h === null ? (
            <p>{T.hoursLoading}</p>
          ) : (
            <>
              {h.temporary.map((line) => (
                <p key={line} class="temporary">
                  {line}
                </p>
              ))}
              {h.next.length > 0 && (
                <>
                  <p class="label">{T.nextOpenings}</p>
                  <ul>
                    {h.next.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
              {h.week.length > 0 && (
                <>
                  <p class="label">{T.usually}</p>
                  <ul>
                    {h.week.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
              {h.note && <p>{h.note}</p>}
              {h.none && <p>{T.noHours}</p>}
            </>
          )}
        </div>
        <h3>{T.toBring}</h3>
        {sheet.documents.length > 0 ? (
          <ul>
            {sheet.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : (
          <p>{T.nothingToBring}</p>
        )}
        <h3>{T.howToRefer}</h3>
        {sheet.referral.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <h3>{T.price}</h3>
        <p>{sheet.price}</p>
        {(sheet.phone || sheet.email) && (
          <>
            <h3>{T.contact}</h3>
            {sheet.phone && (
              <p>
                <a href={`tel:${sheet.phone.replace(/[^+\d]/g, '')}`}>{T.phone(sheet.phone)}</a>
              </p>
            )}
            {sheet.email && <p>{T.email(sheet.email)}</p>}
          </>
        )}
        <button type="button" class="button no-print" onClick={onRemove}>
          {T.remove(sheet.name)}
        </button>
      </div>
      <figure class="handout-qr">
        <QrCode value={vcardOf(sheet)} label={T.qrLabel(sheet.name)} />
        <figcaption>{T.qrCaption}</figcaption>
      </figure>
    </article>
  );
}
