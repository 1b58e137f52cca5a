import type { Instrumentation } from "next";

/**
 * Runs once when the server starts. Refuses to serve in production without a session secret, then
 * starts the background jobs (lib/jobs/app-jobs.ts): sending the mail outbox, polling the IMAP
 * mailbox, closing tickets left Resolved past the Ticket setting's limit, forgetting old sessions.
 * Not during `next build`, and never in tests (they call the jobs themselves).
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
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.HELPDESK_JOBS === "off") return;
  const { startAppJobs } = await import("./lib/jobs/app-jobs");
  startAppJobs();
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
