import { fr } from '../strings.ts';

/** A link to a record this device does not hold (deleted, not synced yet, or reserved to professionals). */
export function MissingRecord({ message = fr.structure.missing }: { message?: string }) {
  return (
    <section aria-labelledby="missing-title">
      <h1 id="missing-title">{fr.structure.missingTitle}</h1>
      <p>{message}</p>
      <p>
        <a href="/annuaire">{fr.structure.back}</a>
      </p>
    </section>
  );
}
