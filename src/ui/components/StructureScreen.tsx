import { useEffect, useState } from 'preact/hooks';
import type { StructureSummary } from '../../db/directory-repo.ts';
import { FOOD_CATEGORIES } from '../../domain/vocabulary.ts';
import type { AppContext } from '../boot.ts';
import { fr } from '../strings.ts';

/** A partner as stored on the device (the full partner sheet comes with the worker's app screens). */
export function StructureScreen({ context, id }: { context: AppContext; id: string }) {
  const [item, setItem] = useState<StructureSummary | null | undefined>(undefined);
  const pendingKeys = context.review.pending.value.map((p) => p.recordKey);
  // Read again when a sync lands (the directory list is reloaded then) or the pending edits change.
  const directoryVersion = context.directory.items.value;
  useEffect(() => {
    void context.structure(id).then((found) => setItem(found ?? null));
  }, [id, pendingKeys.length, directoryVersion]);

  if (item === undefined) return <p aria-busy="true">{fr.directory.loading}</p>;
  if (item === null) return <MissingRecord />;
  const { structure, services } = item;
  const pending = pendingKeys.includes(`structure:${structure.id}`);
  return (
    <article aria-labelledby="structure-title" class="structure-sheet">
      <p>
        <a href="/">{fr.structure.back}</a>
      </p>
      <h1 id="structure-title">{structure.nom}</h1>
      {pending && (
        <p class="badge" data-testid="pending-edit">
          {fr.structure.pendingEdit}
        </p>
      )}
      <p class="address">
        {structure.adresse}
        {structure.complement_adresse ? `, ${structure.complement_adresse}` : ''}, {structure.code_postal}{' '}
        {structure.commune}
      </p>
      {structure.description && <p>{structure.description}</p>}
      <h2>{fr.structure.hours}</h2>
      <p data-testid="hours">{structure.horaires_accueil ?? '—'}</p>
      {structure.horaires_note && <p>{structure.horaires_note}</p>}
      <h2>{fr.structure.contact}</h2>
      <ul class="plain">
        {structure.telephone && (
          <li>
            <a href={`tel:${structure.telephone.replace(/[^+\d]/g, '')}`}>{structure.telephone}</a>
          </li>
        )}
        {structure.courriel && (
          <li>
            <a href={`mailto:${structure.courriel}`}>{structure.courriel}</a>
          </li>
        )}
        {structure.site_web && (
          <li>
            <a href={structure.site_web} rel="noopener">
              {structure.site_web}
            </a>
          </li>
        )}
      </ul>
      <h2>{fr.structure.services}</h2>
      <ul class="plain">
        {services.map((s) => (
          <li key={s.id}>
            <strong>{s.nom}</strong>
            {s.categorie ? ` — ${FOOD_CATEGORIES[s.categorie].label}` : ''}
          </li>
        ))}
      </ul>
      <p class="muted">{fr.structure.updated(new Date(structure.date_maj).toLocaleDateString('fr-FR'))}</p>
      <a class="button primary" href={`/partenaires/${encodeURIComponent(structure.id)}/modifier`}>
        {fr.structure.edit}
      </a>
    </article>
  );
}

export function MissingRecord() {
  return (
    <section>
      <p>{fr.structure.missing}</p>
      <p>
        <a href="/">{fr.structure.back}</a>
      </p>
    </section>
  );
}
