import type { Instrumentation } from "next";

/**
 * Runs once when the server starts. Refuses to serve in production without a session secret;
 * background upkeep that needs no outside scheduler: closing tickets left Resolved past the
 * Ticket setting's limit and forgetting old sessions, shortly after start and then hourly; service-level warnings every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { productionSecretProblem } = await import("./lib/auth/secret");
  const { log } = await import("./lib/log");
  const problem = productionSecretProblem();
  if (problem) {
    log.fatal({ kind: "startup" }, problem);
    console.error(problem);
    process.exit(1);
  }
  const { closeStaleResolvedTickets } = await import("./lib/dal/ticket-jobs");
  const { pruneSessions } = await import("./lib/dal/user-sessions");
  const run = () => {
    closeStaleResolvedTickets().catch((error) => log.error({ err: error }, "auto-close of resolved tickets failed"));
    pruneSessions().catch((error) => log.error({ err: error }, "pruning old sessions failed"));
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, 60 * 60_000).unref();

  // Service-level warnings (75 % and breach), every minute; safe with several instances.
  const { runSlaWarnings } = await import("./lib/dal/ticket-jobs");
  setInterval(() => runSlaWarnings().catch((error) => log.error({ err: error }, "service-level warnings failed")), 60_000).unref();
}

/** Every error behind a 5xx, with the digest the user's error page carries, so an operator can find it. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  const { isDatabaseUnavailable } = await import("./lib/db-errors");
  const err = error as Error & { digest?: string };
  log.error(
    {
      kind: "request-error",
      digest: err.digest,
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
      databaseUnavailable: isDatabaseUnavailable(error),
      err: { name: err.name, message: err.message, stack: err.stack },
    },
    "request failed",
  );
};
