import type { StructureSummary } from '../../db/directory-repo.ts';
import { FOOD_CATEGORIES } from '../../domain/vocabulary.ts';
import { fr } from '../strings.ts';

export function StructureCard({ item }: { item: StructureSummary }) {
  const { structure, services } = item;
  const categories = [...new Set(services.flatMap((s) => (s.categorie ? [FOOD_CATEGORIES[s.categorie].label] : [])))];
  return (
    <li class="structure-card">
      <h2>
        <a href={`/partenaires/${encodeURIComponent(structure.id)}`}>{structure.nom}</a>
      </h2>
      <p class="address">
        {structure.adresse}, {structure.code_postal} {structure.commune}
      </p>
      {categories.length > 0 && (
        <ul class="tags" aria-label={fr.directory.servicesOf(services.length)}>
          {categories.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      )}
      {structure.visibilite === 'professionnels' && <p class="badge">{fr.directory.professionalsOnly}</p>}
      {structure.statut === 'proposee' && <p class="badge">{fr.directory.proposed}</p>}
      {structure.telephone && (
        <a class="button" href={`tel:${structure.telephone.replace(/[^+\d]/g, '')}`}>
          {fr.directory.phone(structure.telephone)}
        </a>
      )}
    </li>
  );
}
