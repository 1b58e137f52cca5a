import "server-only";
import { closeStaleResolvedTickets, runSlaWarnings } from "@/lib/dal/ticket-jobs";
import { pruneSessions } from "@/lib/dal/user-sessions";
import { ensureHolidayYears } from "@/lib/dal/sla";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { yearIn } from "@/lib/time-zone";
import { drainOutbox, purgeOldMail } from "@/lib/mail/worker";
import { onMailWake } from "@/lib/mail/outbox";
import { imapConfig, imapPollSeconds } from "@/lib/mail/config";
import { pollMailbox } from "@/lib/mail/imap-poller";
import { registerJob, startJobs, triggerJob } from "./scheduler";

/**
 * The app's recurring jobs. Add one with registerJob (name, interval, exclusive or not, run) and it
 * starts with the server: nothing else to wire.
 */
export function registerAppJobs(): void {
  registerJob({
    name: "tickets.auto-close",
    everyMs: 60 * 60_000,
    firstAfterMs: 60_000,
    exclusive: true,
    run: () => closeStaleResolvedTickets(),
  });
  registerJob({
    // Service-level warnings at 75 % and at the breach; each claimed once (SKIP LOCKED), so restarts lose or repeat none.
    name: "sla.warnings",
    everyMs: 60_000,
    firstAfterMs: 30_000,
    exclusive: true,
    run: () => runSlaWarnings(),
  });
  registerJob({
    name: "sessions.prune",
    everyMs: 60 * 60_000,
    firstAfterMs: 60_000,
    exclusive: true,
    run: () => pruneSessions(),
  });
  registerJob({
    // This year's and next year's holiday lists exist before anyone needs them (the clock also asks).
    name: "holidays.years",
    everyMs: 24 * 60 * 60_000,
    firstAfterMs: 15_000,
    exclusive: true,
    run: async () => {
      const year = yearIn(await getServiceTimeZone());
      await ensureHolidayYears([year, year + 1]);
    },
  });
  registerJob({
    name: "mail.send",
    everyMs: Number(process.env.MAIL_POLL_SECONDS || 5) * 1000,
    firstAfterMs: 2_000,
    exclusive: false,
    run: () => drainOutbox(),
  });
  registerJob({
    name: "mail.purge",
    everyMs: 24 * 60 * 60_000,
    firstAfterMs: 10 * 60_000,
    exclusive: true,
    run: () => purgeOldMail(),
  });
  if (imapConfig()) {
    registerJob({
      name: "mail.imap-poll",
      everyMs: imapPollSeconds() * 1000,
      firstAfterMs: 5_000,
      exclusive: true,
      run: () => pollMailbox(),
    });
  }
}

/** Called once per server process (instrumentation.ts); never during `next build` or in tests. */
export function startAppJobs(): void {
  registerAppJobs();
  startJobs();
  onMailWake(() => triggerJob("mail.send"));
}
