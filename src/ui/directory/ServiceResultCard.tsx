import { communeByCode } from '../../domain/communes.ts';
import { FOOD_CATEGORIES } from '../../domain/vocabulary.ts';
import { FoodOffer } from '../components/FoodOffer.tsx';
import { frOrientation } from '../orientation/strings-orientation.ts';
import { distance } from '../text/fr-format.ts';
import { frStops } from '../text/strings-stops.ts';
import { travelText } from '../text/travel-text.ts';
import type { DirectoryResult } from './directory-search-model.ts';
import { frDirectoryScreen } from './strings-directory-screen.ts';

/**
 * One service in the Annuaire, labelled with its partner: where (the address, and how far from the chosen place,
 * said as the orientation's results say it), when (open now, or the next opening with its date), at what price.
 */
export function ServiceResultCard({ result }: { result: DirectoryResult }) {
  const { entry, hours, open } = result;
  const sheet = `/partenaires/${encodeURIComponent(entry.structureId)}`;
  // A service that moves is where it stops, not at its structure's address.
  const address =
    entry.stopCommunes === null
      ? (entry.address ?? entry.communeName)
      : frStops.stopsIn(entry.stopCommunes.map((code) => communeByCode(code)?.nom ?? code));
  const category = entry.category ? FOOD_CATEGORIES[entry.category].label : '';
  const far = result.distance;
  const where = far
    ? frOrientation.distanceAndTravel(
        frOrientation.distance(distance(far.km), far.approximate),
        travelText(far.travel, null),
      )
    : null;
  return (
    <li class="result-card">
      <h2>
        <a href={`${sheet}#service-${encodeURIComponent(entry.id)}`}>{entry.nom}</a>
      </h2>
      {entry.structureNom !== null && <p class="result-structure">{frDirectoryScreen.at(entry.structureNom)}</p>}
      {category && <p class="result-meta">{category}</p>}
      <FoodOffer produits={entry.produits} choix={entry.choix} />
      <p class="result-address" data-testid="card-address">
        <span class="visually-hidden">{frDirectoryScreen.address}</span>
        {address}
      </p>
      {where && (
        <p class="result-distance" data-testid="card-distance">
          {where}
        </p>
      )}
      {hours ? (
        <p class={`hours-status ${open ? 'is-open' : 'is-closed'}`} data-testid="card-hours">
          {hours}
        </p>
      ) : (
        // The line the hours will take once worked out, kept so that nothing below moves when they arrive.
        <p class="hours-status" aria-hidden="true" />
      )}
      <p class="result-price" data-testid="card-price">
        <span class="visually-hidden">{frDirectoryScreen.price}</span>
        {result.price}
      </p>
      {(entry.referral || entry.professionalOnly) && (
        <p>
          {entry.referral && <span class="badge">{frDirectoryScreen.referral}</span>}{' '}
          {entry.professionalOnly && <span class="badge">{frDirectoryScreen.professionalsOnly}</span>}
        </p>
      )}
    </li>
  );
}
