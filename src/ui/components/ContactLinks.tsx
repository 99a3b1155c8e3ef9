import { fr } from '../strings.ts';

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
          {fr.sheet.call(telephone)}
        </a>
      )}
      {courriel && (
        <a class="button" href={`mailto:${courriel}`}>
          {fr.sheet.mail(courriel)}
        </a>
      )}
    </span>
  );
}
