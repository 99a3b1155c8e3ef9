import { DAY_MS } from '../../domain/time/paris-time.ts';
import { TYPES_ACTION } from '../../domain/vocabulary.ts';
import { agendaBetween } from '../../matching/agenda/agenda.ts';
import { when } from '../text/fr-format.ts';
import type { AgendaModel } from './agenda-model.ts';
import { frAgenda } from './strings-agenda.ts';
import { useAgenda } from './use-agenda.ts';

const T = frAgenda.agenda;
/** How far ahead a partner's sheet looks, and how many dates it lists. */
const HORIZON_DAYS = 31;
const SHOWN = 6;
const noPlaces = () => undefined;

interface Props {
  programme: () => Promise<AgendaModel>;
  structureId: string;
}

/** « Actions à venir » on a partner's sheet: the actions it organises or hosts, and its calendar to subscribe to. */
export function PartnerActions({ programme, structureId }: Props) {
  const model = useAgenda(programme);
  const actions = model?.actions.value;
  if (!actions) return null;
  const now = Date.now();
  // Dates, not places, are listed here: no partner's address is looked up (the sheet does not load the catalog).
  const items = agendaBetween(actions, noPlaces, now, now + HORIZON_DAYS * DAY_MS, { structure_id: structureId });
  return (
    <section aria-labelledby="actions-title" data-testid="partner-actions">
      <h2 id="actions-title">{T.partnerSection}</h2>
      {items.length === 0 ? (
        <p>{T.partnerNone}</p>
      ) : (
        <ul>
          {items.slice(0, SHOWN).map(({ action, occurrence }) => (
            <li key={`${action.id}-${occurrence.start}`}>
              <strong>{action.titre}</strong> ({TYPES_ACTION[action.type]}) —{' '}
              {when(occurrence.start, now, occurrence.end)}
              {action.inscription.requise ? ` · ${T.registration}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/api/v1/agenda/structure/${encodeURIComponent(structureId)}.ics`}>{T.subscribePartner}</a> ·{' '}
        <a href="/agenda">{T.title}</a>
      </p>
    </section>
  );
}
