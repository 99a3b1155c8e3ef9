import { frSheet } from '../partner-sheet/strings-sheet.ts';

/** Call or write in one tap: `tel:` and `mailto:` links, large enough for a thumb. */
export function ContactLinks({
  telephone,
  courriel,
}: {
  telephone?: string | undefined;
  courriel?: string | undefined;
}) {
  return (
    <span class="contact-links">
      {telephone && (
        <a class="button" href={`tel:${telephone.replace(/[^+\d]/g, '')}`}>
          {frSheet.call(telephone)}
        </a>
      )}
      {courriel && (
        <a class="button" href={`mailto:${courriel}`}>
          {frSheet.mail(courriel)}
        </a>
      )}
    </span>
  );
}

// A French phone number (« 04 00 12 34 56 », « +33 4 00 12 34 56 », « 0400123456 ») or an e-mail address in a text.
const CONTACT_IN_TEXT = /((?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4})|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/** A free text (« Inscription au 04 00 12 34 56 ou à accueil@example.org ») with its phones and e-mails as links. */
export function ContactText({ text }: { text: string }) {
  const parts: Array<string | preact.JSX.Element> = [];
  let last = 0;
  for (const match of text.matchAll(CONTACT_IN_TEXT)) {
    const [found, phone] = match;
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <a key={at} href={phone ? `tel:${phone.replace(/[^+\d]/g, '')}` : `mailto:${found}`}>
        {found}
      </a>,
    );
    last = at + found.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
