import type { Commune } from '../../domain/communes.ts';
import { BESOINS } from '../../domain/vocabulary.ts';
import type { Actor } from '../../matching/coverage/actors.ts';
import { territoryName } from '../text/coverage-words.ts';
import { frCoverage } from './strings-coverage.ts';

const C = frCoverage;

/** Who works in a territory and on what: partners with a service taking place there, linked to their sheet. */
export function TerritoryActors(props: {
  territories: readonly Commune[];
  territory: string;
  onTerritory: (code: string) => void;
  actors: ReadonlyMap<string, readonly Actor[]>;
  needLabel: string;
  needOnly: boolean;
  onNeedOnly: (on: boolean) => void;
}) {
  const list = props.actors.get(props.territory) ?? [];
  return (
    <section aria-labelledby="coverage-actors-title" class="coverage-actors">
      <h2 id="coverage-actors-title">{C.actorsTitle}</h2>
      <div class="field-row">
        <div class="field">
          <label for="coverage-territory">{C.actorsTerritory}</label>
          <select
            id="coverage-territory"
            value={props.territory}
            onChange={(e) => props.onTerritory(e.currentTarget.value)}
          >
            {props.territories.map((t) => (
              <option key={t.code_insee} value={t.code_insee}>
                {territoryName(t.code_insee)}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={props.needOnly} onChange={(e) => props.onNeedOnly(e.currentTarget.checked)} />{' '}
          {C.actorsNeedOnly(props.needLabel)}
        </label>
      </div>
      <p aria-live="polite" data-testid="actors-count">
        {list.length === 0 ? C.actorsNone : C.actorsCount(list.length)}
      </p>
      {list.length > 0 && (
        <ul class="actor-list" aria-label={C.actorsTitle}>
          {list.map((a) => (
            <li key={a.structureId}>
              <a href={`/partenaires/${encodeURIComponent(a.structureId)}`}>{a.nom}</a>
              <p class="hint">
                {[
                  C.actorBasedIn(territoryName(a.homeCommune)),
                  C.actorServices(a.services),
                  ...(a.unconditional ? [C.actorUnconditional] : []),
                ].join(' · ')}
              </p>
              <p>{a.needs.map((n) => BESOINS[n].label).join(' ; ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
