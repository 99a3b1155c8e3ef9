import { frStructure } from '../partner-sheet/strings-structure.ts';

/** A link to a record this device does not hold (deleted, not synced yet, or reserved to professionals). */
export function MissingRecord({ message = frStructure.missing }: { message?: string }) {
  return (
    <section aria-labelledby="missing-title">
      <h1 id="missing-title">{frStructure.missingTitle}</h1>
      <p>{message}</p>
      <p>
        <a href="/annuaire">{frStructure.back}</a>
      </p>
    </section>
  );
}
