import { communeByCode } from '../../domain/communes.ts';
import { FOOD_CATEGORIES, TARIFS } from '../../domain/vocabulary.ts';
import type { DirectoryResult } from '../models/directory-search-model.ts';
import { fr } from '../strings.ts';
import { frArrets } from '../strings-arrets.ts';

/** One service in the Annuaire, labelled with its partner: where, what, at what price, open or when. */
export function ServiceResultCard({ result }: { result: DirectoryResult }) {
  const { entry, hours, open } = result;
  const sheet = `/partenaires/${encodeURIComponent(entry.structureId)}`;
  // A service that moves is where it stops, not at its structure's address.
  const where =
    entry.stopCommunes === null
      ? entry.communeName
      : frArrets.stopsIn(entry.stopCommunes.map((code) => communeByCode(code)?.nom ?? code));
  const meta = [where, entry.category ? FOOD_CATEGORIES[entry.category].label : '', TARIFS[entry.tarif]].filter(
    Boolean,
  );
  return (
    <li class="result-card">
      <h2>
        <a href={`${sheet}#service-${encodeURIComponent(entry.id)}`}>{entry.nom}</a>
      </h2>
      {entry.structureNom !== null && <p class="result-structure">{fr.annuaire.at(entry.structureNom)}</p>}
      <p class="result-meta">{meta.join(' · ')}</p>
      {hours && <p class={`hours-status ${open ? 'is-open' : 'is-closed'}`}>{hours}</p>}
      {(entry.referral || entry.professionalOnly) && (
        <p>
          {entry.referral && <span class="badge">{fr.annuaire.referral}</span>}{' '}
          {entry.professionalOnly && <span class="badge">{fr.annuaire.professionalsOnly}</span>}
        </p>
      )}
    </li>
  );
}
