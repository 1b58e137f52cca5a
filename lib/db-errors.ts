// Recognises "the database is not there right now" among the errors Prisma, its pg adapter and
// node-postgres throw, so callers can answer 503 "try again" instead of a 500 or a hang. Edge-safe.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// SQLSTATE classes 08 (connection exception), 57P0x (shutdown / cannot connect now), 53300 (too many connections).
const PG_CODE = /^(08\d{3}|57P0[1-4]|53300)$/;
const TEXT =
  /Connection terminated|Connection ended|connection error|timeout exceeded when trying to connect|Query read timeout|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database server|Server has closed the connection|Transaction API error|Unable to start a transaction in the given time|database unavailable/i;

export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("database unavailable", { cause });
  }
}

/** True when `error` (or anything in its cause chain) says the database cannot be reached now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof DatabaseUnavailableError) return true;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || PG_CODE.test(e.code))) return true;
    if (typeof e.message === "string" && TEXT.test(e.message)) return true;
    const kind = (e.cause as { kind?: unknown } | undefined)?.kind;
    if (typeof kind === "string" && TEXT.test(kind)) return true;
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return false;
}
