// The hours worker: the opening_hours library is 700 kB of JavaScript to compile, and compiled on the page it held
// the Annuaire's and the partner sheets' first screens in one long task (Lighthouse, mobile). Here it is compiled
// once, at the first question, while the page stays free to scroll and to be tapped. It answers the Annuaire cards'
// hours and partner sheets' tables of hours (hours-worker-protocol.ts).
import OpeningHours from 'opening_hours';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { hoursTable } from '../../matching/hours/table-engine.ts';
import { cardHours } from '../directory/card-hours.ts';
import type { HoursWorkerReply, HoursWorkerRequest } from './hours-worker-protocol.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<HoursWorkerRequest>) => void) | null;
  postMessage(reply: HoursWorkerReply): void;
};
const engine = createHoursEngine(OpeningHours as unknown as OpeningHoursConstructor);

scope.onmessage = ({ data: request }) => {
  try {
    if (request.kind === 'cards') {
      const { id, now, entries } = request;
      scope.postMessage({ id, statuses: entries.map((entry) => [entry.id, cardHours(engine, entry, now)]) });
    } else {
      scope.postMessage({ id: request.id, table: hoursTable(engine, request.values, request.days) });
    }
  } catch (error) {
    scope.postMessage({ id: request.id, failed: error instanceof Error ? error.name : 'Error' });
  }
};
