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
 * An error as loggable fields, enough to find what failed where: its name, its code (SQLITE_BUSY, EADDRINUSE…)
 * and its stack frames. Never its message, ours or foreign: a foreign message may quote what the request carried
 * (JSON.parse quotes the text it could not read, a driver the value it refused), and the frames already say which
 * of our lines threw. A thrown non-Error (a string, an object) is only named by its type, for the same reason.
 */
export function describeError(error: unknown): LogFields {
  if (error instanceof ThrownValue) return describeError(error.value);
  if (!(error instanceof Error)) return { name: 'NonError', type: typeof error };
  const code: unknown = (error as { code?: unknown }).code;
  return {
    name: IDENTIFIER.test(error.name) ? error.name : 'Error',
    ...((typeof code === 'string' && IDENTIFIER.test(code)) || typeof code === 'number' ? { code } : {}),
    frames: stackFrames(error),
  };
}

/** A thrown value that is not an Error (a string, an object), wrapped so that Error-only handlers see it too. */
export class ThrownValue extends Error {
  constructor(readonly value: unknown) {
    super('Valeur levée qui n’est pas une Error');
    this.name = 'ThrownValue';
  }
}

/** A class name or an error code: anything else set in their place is not logged. */
const IDENTIFIER = /^[A-Za-z_$][\w$.-]{0,63}$/;
const FRAME = /^\s+at \S/;

/**
 * The `at …` lines of the stack, without its first part, `Name: message` (V8 writes the message there, and it may
 * span several lines).
 */
function stackFrames(error: Error): string[] {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const header = Error.prototype.toString.call(error);
  const rest = stack.startsWith(header) ? stack.slice(header.length) : stack;
  return rest
    .split('\n')
    .filter((line) => FRAME.test(line))
    .map((line) => line.trim());
}
