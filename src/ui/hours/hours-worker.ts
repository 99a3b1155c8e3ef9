// The hours worker: the opening_hours library is 700 kB of JavaScript to compile, and compiled on the page it held
// the Annuaire's, the partner sheets' and Couverture's first screens in one long task (Lighthouse, mobile). Here it
// is compiled once, at the first question, while the page stays free to scroll and to be tapped. It answers tables
// of hours strings over days (hours-worker-protocol.ts), which the page reads as an engine (table-engine.ts).
import OpeningHours from 'opening_hours';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { hoursTable } from '../../matching/hours/table-engine.ts';
import type { HoursWorkerReply, HoursWorkerRequest } from './hours-worker-protocol.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<HoursWorkerRequest>) => void) | null;
  postMessage(reply: HoursWorkerReply): void;
};
const engine = createHoursEngine(OpeningHours as unknown as OpeningHoursConstructor);

scope.onmessage = ({ data: { id, values, days } }) => {
  try {
    scope.postMessage({ id, table: hoursTable(engine, values, days) });
  } catch (error) {
    scope.postMessage({ id, failed: error instanceof Error ? error.name : 'Error' });
  }
};
