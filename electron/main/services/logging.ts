/** Structured JSON log lines: one object per line, with an event name and fields. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines all carry these fields (e.g. a job's requestId). */
  child(fields: Record<string, unknown>): Logger;
}

export type LogSink = (line: string) => void;

function serializeError(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(sink: LogSink, base: Record<string, unknown> = {}, clock: () => number = Date.now): Logger {
  const log = (level: LogLevel, event: string, fields: Record<string, unknown> = {}) => {
    const record: Record<string, unknown> = { ts: new Date(clock()).toISOString(), level, event, ...base };
    for (const [key, value] of Object.entries(fields)) record[key] = serializeError(value);
    sink(JSON.stringify(record));
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
    child: (fields) => createLogger(sink, { ...base, ...fields }, clock),
  };
}

/** Collects lines in memory; tests assert on them. */
export function createMemoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return Object.assign(logger, { lines });
}

export const silentLogger: Logger = createLogger(() => undefined);
