// The Annuaire cards' hours, worked out off the page's thread: the opening_hours library is 700 kB of JavaScript to
// compile, and compiled on the page it held the Annuaire's first screen in one long task (Lighthouse, mobile). Here
// it is compiled once, when the first cards ask, while the page stays free to scroll and to be tapped.
import OpeningHours from 'opening_hours';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { type CardHoursReply, type CardHoursRequest, cardHours } from './card-hours.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<CardHoursRequest>) => void) | null;
  postMessage(reply: CardHoursReply): void;
};
const engine = createHoursEngine(OpeningHours as unknown as OpeningHoursConstructor);

scope.onmessage = ({ data: { id, now, entries } }) => {
  try {
    scope.postMessage({ id, statuses: entries.map((entry) => [entry.id, cardHours(engine, entry, now)]) });
  } catch (error) {
    scope.postMessage({ id, failed: error instanceof Error ? error.name : 'Error' });
  }
};
