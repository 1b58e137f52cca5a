import pino from "pino";

/**
 * The one logger: JSON lines on stdout, for the service manager or a log shipper to
 * collect. JSON escaping keeps CR/LF in user input inside its string, so no one can forge a line.
 * Passwords, tokens, cookies and message bodies are never passed in; the redact list is a second
 * guard. LOG_LEVEL=silent turns it off (the test runs do).
 */
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "helpdesk" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "authorization", "*.authorization", "body", "*.body"],
    censor: "[redacted]",
  },
};

/** The logger; tests may swap its destination with setLogDestination. */
export let log = pino(loggerOptions);

/** For tests: send the log lines to this stream (at "info" level). */
export function setLogDestination(stream: pino.DestinationStream): void {
  log = pino({ ...loggerOptions, level: "info" }, stream);
}

export type SecurityEvent =
  | "login.success"
  | "login.failure"
  | "login.locked"
  | "session.signout"
  | "session.signout_all"
  | "session.revoked"
  | "password.change"
  | "password.reset"
  | "authz.denied"
  | "attachment.denied"
  | "ratelimit.hit"
  | "request.origin_refused";

export type SecurityFields = {
  outcome: "success" | "failure" | "denied" | "limited";
  userId?: string | null;
  ip?: string;
  route?: string;
  requestId?: string;
  [key: string]: unknown;
};

/** A user-typed string for the log: bounded, control characters shown as escapes. */
export function clean(value: unknown, max = 120): string | undefined {
  if (typeof value !== "string") return undefined;
  return value.slice(0, max).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** One security event as one JSON line: `{"event":"login.failure","outcome":"failure",...}`. */
export function securityEvent(event: SecurityEvent, fields: SecurityFields): void {
  log.warn({ kind: "security", event, ...fields }, event);
}
