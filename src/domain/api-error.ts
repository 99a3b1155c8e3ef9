// The body of every 4xx/5xx answer of the server. `problems` name the field (path) and the reason, so the client
// can show a message next to the field or in an import report.
import * as z from 'zod/mini';

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});

export type ApiError = z.infer<typeof apiErrorSchema>;
