// The orientation events' step of a sync run: send the queued anonymous events in batches; each batch leaves the
// device on the server's parsed answer. A refusal (4xx) of a batch can never be cured by sending it again (the
// events are checked with the same schema before they are queued): it is dropped, and said in the console by
// count only. Offline, 5xx and malformed answers leave everything queued for the next run.
import {
  EVENTS_PER_PUSH,
  type OrientationEvent,
  type OrientationEventsAnswer,
  orientationEventsAnswerSchema,
} from '../domain/orientation-event.ts';
import { type ApiRequestOptions, apiRequester } from './referral-transport.ts';
import { RequestRefusedError } from './transport.ts';

export interface OrientationEventTransport {
  send(events: readonly OrientationEvent[]): Promise<OrientationEventsAnswer>;
}

/** A queued event as the device holds it: `queuedAt` tells a sent event from the same orientation ended again. */
export interface QueuedEvent {
  id: string;
  event: OrientationEvent;
  queuedAt: string;
}

export interface OrientationEventsOnDevice {
  next(limit: number): Promise<QueuedEvent[]>;
  landed(rows: readonly QueuedEvent[]): Promise<void>;
}

export function orientationEventTransport(options: ApiRequestOptions): OrientationEventTransport {
  const request = apiRequester(options);
  return { send: (events) => request(orientationEventsAnswerSchema, '/api/v1/orientation-events', { events }) };
}

export async function syncOrientationEvents(options: {
  transport: OrientationEventTransport;
  device: OrientationEventsOnDevice;
}): Promise<{ sent: number; dropped: number }> {
  const summary = { sent: 0, dropped: 0 };
  for (;;) {
    const batch = await options.device.next(EVENTS_PER_PUSH);
    if (batch.length === 0) break;
    try {
      await options.transport.send(batch.map((row) => row.event));
      summary.sent += batch.length;
    } catch (error) {
      if (!(error instanceof RequestRefusedError)) throw error;
      console.warn('Statistiques d’orientation refusées par le serveur', batch.length);
      summary.dropped += batch.length;
    }
    await options.device.landed(batch);
  }
  return summary;
}
