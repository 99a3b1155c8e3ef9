// The person's sheet written out in one language: one block per partner (what the printed sheet shows in that
// language) and the short text sent by SMS, e-mail or the device's share sheet. What the partner wrote is printed
// as written in the French block only (`withPartnerText`); a translated block then says there is more in French.
// A price is said by src/domain/price-words.ts with the language's `priceWords`, as the partner sheet says it.
import { ownPrecisions, priceText } from '../../domain/price-words.ts';
import { type HandoutFormat, handoutFormat } from './handout-format.ts';
import type { HandoutLanguage } from './handout-language.ts';
import type { HandoutWords } from './handout-languages/fr.ts';
import type { PartnerSheet } from './handout-sheet.ts';
import { type HoursInWords, hoursInWords } from './hours-words.ts';

/** A language the sheet is written in: its tag and direction, its words, its way of writing dates. */
export interface SheetLanguage {
  language: HandoutLanguage;
  words: HandoutWords;
  format: HandoutFormat;
}

export function sheetLanguage(language: HandoutLanguage, words: HandoutWords): SheetLanguage {
  return { language, words, format: handoutFormat(language, words) };
}

export interface BlockInWords {
  category: string | null;
  /** null while the hours library loads. */
  hours: HoursInWords | null;
  howToGo: string[];
  /** Empty: nothing to bring (say `nothingToBring`). */
  documents: string[];
  welcome: string[];
  /** The amounts (« Panier à 7 € au lieu de 18 € »), else the kind of price; the partner's words in French. */
  price: string;
  /** The block leaves out the partner's own words, which the French block prints. */
  seeFrench: boolean;
}

/** Whether the partner wrote something for the person beyond the structured fields. */
function hasPartnerText(s: PartnerSheet): boolean {
  const h = s.hours;
  const commented = (list: readonly { comment: string | null }[]) => list.some((x) => x.comment);
  return (
    s.accessNote !== null ||
    ownPrecisions(s.tarif) !== undefined ||
    (h !== null &&
      (h.note !== null ||
        h.temporary.some((t) => t.message) ||
        commented(h.next) ||
        h.week.some((r) => commented(r.slots))))
  );
}

function welcomeInWords(s: PartnerSheet, w: HandoutWords): string[] {
  const r = s.referral;
  const lines = [
    r.fiche === 'sent'
      ? w.ficheSent
      : r.fiche === 'brought'
        ? w.ficheBrought
        : r.fiche === 'either'
          ? w.ficheEither
          : r.onlyByReferral
            ? w.referralOnly
            : null,
    r.appointment ? w.appointment : null,
    r.registration ? w.registration : null,
  ].filter((x): x is string => x !== null);
  return lines.length > 0 ? lines : [w.direct];
}

export function blockInWords(
  s: PartnerSheet,
  w: HandoutWords,
  f: HandoutFormat,
  now: number,
  withPartnerText: boolean,
): BlockInWords {
  return {
    category: s.category ? w.category[s.category] : null,
    hours: s.hours ? hoursInWords(s.hours, w, f, now, withPartnerText) : null,
    howToGo: [
      ...(s.distance ? [w.distance(f.distance(s.distance.km), s.distance.approximate)] : []),
      ...(s.stepFree ? [w.stepFree] : []),
      ...(withPartnerText && s.accessNote ? [s.accessNote] : []),
    ],
    documents: s.documents.map((d) => w.documents[d]),
    welcome: welcomeInWords(s, w),
    price: priceText(s.tarif, w.priceWords, withPartnerText),
    seeFrench: !withPartnerText && hasPartnerText(s),
  };
}

/**
 * The short text sent to the person (SMS, e-mail, share sheet), in the sheet's language: for each partner its
 * name, address, coming closures, next openings and phone. Nothing about the person but the first name typed
 * for the sheet.
 */
export function shareText(
  sheets: readonly PartnerSheet[],
  w: HandoutWords,
  f: HandoutFormat,
  firstName: string,
  now: number,
  withPartnerText: boolean,
): string {
  const name = firstName.trim();
  const head = [w.title, ...(name ? [w.forPerson(name)] : []), w.madeOn(f.fullDate(now))];
  const blocks = sheets.map((s) => {
    const hours = s.hours ? hoursInWords(s.hours, w, f, now, withPartnerText) : null;
    return [
      s.name,
      s.address.join(', '),
      ...(hours?.temporary ?? []),
      ...(hours && hours.next.length > 0 ? [w.nextOpenings, ...hours.next.map((line) => `- ${line}`)] : []),
      ...(hours?.none ? [w.noHours] : []),
      ...(s.phone ? [s.phone] : []),
    ].join('\n');
  });
  return [head.join('\n'), ...blocks].join('\n\n');
}
