/**
 * Runs once when the server starts: the background jobs (lib/jobs/app-jobs.ts) — sending the mail
 * outbox, polling the IMAP mailbox, closing tickets left Resolved past the Ticket setting's limit.
 * Not during `next build`, and never in tests (they call the jobs themselves).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.HELPDESK_JOBS === "off") return;
  const { startAppJobs } = await import("./lib/jobs/app-jobs");
  startAppJobs();
}
