import { ADDRESSABLE_COMMUNES } from '../../domain/communes.ts';
import type { DirectoryModel } from '../models/directory-model.ts';
import { fr } from '../strings.ts';
import { StructureCard } from './StructureCard.tsx';

const collator = new Intl.Collator('fr');
const COMMUNE_OPTIONS = [...ADDRESSABLE_COMMUNES].sort((a, b) => collator.compare(a.nom, b.nom));

/** The directory as stored on the device, by commune. Search and filters come with the Annuaire screen. */
export function DirectoryScreen({ model }: { model: DirectoryModel }) {
  const items = model.items.value;
  const neverSynced = model.totals.value.structures === 0 && !model.commune.value;
  return (
    <section aria-labelledby="directory-title" class="directory">
      <h1 id="directory-title">{fr.directory.title}</h1>
      <div class="field">
        <label for="commune">{fr.directory.communeLabel}</label>
        <select
          id="commune"
          value={model.commune.value}
          onChange={(event) => void model.setCommune(event.currentTarget.value)}
        >
          <option value="">{fr.directory.allCommunes}</option>
          {COMMUNE_OPTIONS.map((c) => (
            <option key={c.code_insee} value={c.code_insee}>
              {c.nom}
            </option>
          ))}
        </select>
      </div>
      {items === null ? (
        <p aria-busy="true">{fr.directory.loading}</p>
      ) : items.length === 0 ? (
        <p class="empty">{neverSynced ? fr.directory.emptyNeverSynced : fr.directory.empty}</p>
      ) : (
        <>
          <p aria-live="polite" data-testid="result-count">
            {fr.directory.count(items.length, model.serviceCount.value)}
          </p>
          <ul class="structure-list" aria-labelledby="directory-title">
            {model.visible.value.map((item) => (
              <StructureCard key={item.structure.id} item={item} />
            ))}
          </ul>
          {model.remaining.value > 0 && (
            <button type="button" class="button wide" onClick={model.showMore}>
              {fr.directory.showMore(model.remaining.value)}
            </button>
          )}
        </>
      )}
      {model.invalidRows.value > 0 && <p class="notice">{fr.directory.invalidRows(model.invalidRows.value)}</p>}
    </section>
  );
}
