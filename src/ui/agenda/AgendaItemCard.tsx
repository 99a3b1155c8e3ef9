import { placeLine } from '../../domain/agenda/place.ts';
import type { Structure } from '../../domain/structure.ts';
import { TARIFS, TYPES_ACTION } from '../../domain/vocabulary.ts';
import type { AgendaItem } from '../../matching/agenda/agenda.ts';
import { ContactText } from '../components/ContactLinks.tsx';
import { timeRange } from '../text/fr-format.ts';
import { frAgenda } from './strings-agenda.ts';

const T = frAgenda.agenda;

interface Props {
  item: AgendaItem;
  structureOf: (id: string) => Structure | undefined;
  /** Shown when this account may change the action. */
  editable: boolean;
}

/** One date of an action: when, what, where, who organises it, how to come. */
export function AgendaItemCard({ item, structureOf, editable }: Props) {
  const { action, occurrence, place } = item;
  const organisers = action.organisateurs.map((id) => structureOf(id)?.nom).filter((n): n is string => n !== undefined);
  const { inscription, tarif } = action;
  return (
    <li class="result-card agenda-item" data-testid="agenda-item">
      <p class="agenda-time">{timeRange(occurrence.start, occurrence.end)}</p>
      <h3>{action.titre}</h3>
      <p class="result-meta">
        {[TYPES_ACTION[action.type], TARIFS[tarif.type], action.calendrier.rrule ? T.recurring : '']
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class="address">{place ? placeLine(place) : T.unknownPartner}</p>
      {organisers.length > 0 && <p>{T.organisedBy(organisers.join(', '))}</p>}
      <p>
        {place?.hors_les_murs && <span class="badge">{T.horsLesMurs}</span>}{' '}
        <span class="badge">{inscription.requise ? T.registration : T.noRegistration}</span>
        {inscription.capacite !== undefined && <> {T.places(inscription.capacite)}</>}
        {inscription.contact && (
          <>
            {' · '}
            <ContactText text={inscription.contact} />
          </>
        )}
      </p>
      {editable && (
        <p>
          <a class="button" href={`/agenda/${encodeURIComponent(action.id)}/modifier`}>
            {T.edit}
            <span class="visually-hidden"> : {action.titre}</span>
          </a>
        </p>
      )}
    </li>
  );
}
