// A queued message's template and parameters as stored (mail_outbox.template, .params), parsed again when read:
// a row is never trusted blindly, and a row an older or newer server wrote fails loudly rather than mailing nonsense.
import * as z from 'zod/mini';
import { describeProblems, parse } from '../../src/domain/validation.ts';
import { type MailContent, NOTIFICATION_EVENTS, type NotificationEvent } from './mail-store.ts';

const event = z.enum(NOTIFICATION_EVENTS);
const paramsSchemas = {
  invitation: z.object({ code: z.string(), signInUrl: z.string(), role: z.string() }),
  notification: z.object({ event }),
  digest: z.object({ counts: z.partialRecord(event, z.number().check(z.int(), z.minimum(0))) }),
} as const;

export function parseContent(template: string, params: string): MailContent {
  if (!Object.hasOwn(paramsSchemas, template)) throw new Error(`Modèle de message inconnu : ${template}`);
  const schema = paramsSchemas[template as keyof typeof paramsSchemas];
  const parsed = parse(schema, JSON.parse(params));
  if (!parsed.ok) throw new Error(`Message « ${template} » illisible : ${describeProblems(parsed.problems)}`);
  return { template, params: parsed.value } as MailContent;
}

export function digestContent(counts: Partial<Record<NotificationEvent, number>>): MailContent {
  return { template: 'digest', params: { counts } };
}

/** The content of a row, or undefined when it cannot be read (the caller abandons the row). */
export function readContent(template: string, params: string): MailContent | undefined {
  try {
    return parseContent(template, params);
  } catch {
    return undefined;
  }
}
