import type { StopPassage } from '../../matching/agenda/stop-passages.ts';
import { timeRange } from '../text/fr-format.ts';
import { stopPlace } from '../text/stop-text.ts';
import { frStops as A } from '../text/strings-stops.ts';

/** One passage of a service that moves at one of its stops: when, which service, where, whose sheet. */
export function StopPassageCard({ passage }: { passage: StopPassage }) {
  const { stop, opening } = passage;
  const arret = stop.stop;
  const partner = stop.structure?.nom ?? stop.service.nom;
  return (
    <li class="result-card agenda-item" data-testid="agenda-stop">
      <p class="agenda-time">{timeRange(opening.start, opening.end)}</p>
      <h3>{stop.service.nom}</h3>
      <p class="result-meta">{A.agendaKind}</p>
      <p class="address">
        {arret
          ? stopPlace({ nom: arret.nom ?? null, adresse: arret.adresse ?? null, commune: stop.communeName })
          : stop.communeName}
      </p>
      {arret?.precisions && <p>{arret.precisions}</p>}
      <p>
        <a href={`/partenaires/${encodeURIComponent(stop.structureId)}#service-${encodeURIComponent(stop.id)}`}>
          {A.agendaSheet}
          <span class="visually-hidden"> : {partner}</span>
        </a>
      </p>
    </li>
  );
}
