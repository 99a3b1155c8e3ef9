// The server's only way to write logs: one JSON object per line, so a log collector can index fields without
// parsing prose. Callers pass facts (event, route pattern, status, durations, record ids), never request bodies,
// raw URLs or query values: those can carry a person's situation and must not end up in log files.

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(fields: LogFields): void;
  error(fields: LogFields): void;
}

/** JSON lines with a timestamp and a level, written to stdout (info) and stderr (error). */
export function createJsonLogger(
  write: { out: (line: string) => void; err: (line: string) => void } = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
): Logger {
  const line = (level: string, fields: LogFields) =>
    JSON.stringify({ time: new Date().toISOString(), level, ...fields });
  return {
    info: (fields) => write.out(line('info', fields)),
    error: (fields) => write.err(line('error', fields)),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };

/** Keeps every line in memory, for tests that assert what is (and is not) logged. */
export function createCapturingLogger(): Logger & { lines: Array<{ level: 'info' | 'error' } & LogFields> } {
  const lines: Array<{ level: 'info' | 'error' } & LogFields> = [];
  return {
    lines,
    info: (fields) => lines.push({ level: 'info', ...fields }),
    error: (fields) => lines.push({ level: 'error', ...fields }),
  };
}

/**
 * An error as loggable fields: name, message and stack. The message of our own errors never contains request
 * data; a foreign error's message is kept because without it a 500 cannot be diagnosed.
 */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'NonError', message: String(error) };
}
