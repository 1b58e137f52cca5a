/**
 * Runs once when the server starts. Background upkeep that needs no outside scheduler: closing
 * tickets left Resolved past the Ticket setting's limit, shortly after start and then hourly; and
 * service-level warnings every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeStaleResolvedTickets } = await import("./lib/dal/ticket-jobs");
  const run = () =>
    closeStaleResolvedTickets().catch((error) => console.error("auto-close of resolved tickets failed", error));
  setTimeout(run, 60_000).unref();
  setInterval(run, 60 * 60_000).unref();

  // Service-level warnings (75 % and breach), every minute; safe with several instances.
  const { runSlaWarnings } = await import("./lib/dal/ticket-jobs");
  setInterval(() => runSlaWarnings().catch((error) => console.error("service-level warnings failed", error)), 60_000).unref();
}
