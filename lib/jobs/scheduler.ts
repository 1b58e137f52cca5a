import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * The background jobs of the app, on the app's own database (PostgreSQL or PGlite): no outside
 * scheduler. Two kinds:
 * - `exclusive` jobs (auto-close, IMAP polling, SLA warnings, …) run once per turn across all app
 *   instances: an instance runs a turn only if it moved the job's `JobSchedule.nextRunAt` forward
 *   in one atomic UPDATE.
 * - other jobs (the mail worker) run in every instance; they share work through row claims
 *   (`FOR UPDATE SKIP LOCKED`) instead.
 */
export type Job = {
  name: string;
  everyMs: number;
  /** Delay before the first turn after start. */
  firstAfterMs?: number;
  exclusive: boolean;
  run: () => Promise<unknown>;
};

const g = globalThis as unknown as {
  __helpdeskJobs?: Map<string, Job>;
  __helpdeskJobTimers?: NodeJS.Timeout[];
  __helpdeskJobTicks?: Map<string, () => Promise<void>>;
};
const registry = () => (g.__helpdeskJobs ??= new Map());

export function registerJob(job: Job): void {
  registry().set(job.name, job);
}

export function registeredJobs(): Job[] {
  return [...registry().values()];
}

/** Claims this turn of an exclusive job; false when another instance has it (or it is not due). */
export async function claimTurn(job: Pick<Job, "name" | "everyMs">, now = new Date()): Promise<boolean> {
  const next = new Date(now.getTime() + job.everyMs);
  const rows = await db().$queryRaw<{ name: string }[]>`
    INSERT INTO "JobSchedule" ("name", "nextRunAt", "lastRunAt") VALUES (${job.name}, ${next}, ${now})
    ON CONFLICT ("name") DO UPDATE SET "nextRunAt" = ${next}, "lastRunAt" = ${now}
    WHERE "JobSchedule"."nextRunAt" <= ${now}
    RETURNING "name"`;
  return rows.length === 1;
}

async function runTurn(job: Job): Promise<void> {
  try {
    if (job.exclusive && !(await claimTurn(job))) return;
    await job.run();
    if (job.exclusive) await db().jobSchedule.update({ where: { name: job.name }, data: { lastError: null } });
  } catch (error) {
    log.error({ kind: "job", job: job.name, err: error }, "background job failed");
    if (job.exclusive) {
      await db()
        .jobSchedule.update({ where: { name: job.name }, data: { lastError: String((error as Error)?.message ?? error).slice(0, 1000) } })
        .catch(() => undefined);
    }
  }
}

/** Starts every registered job on timers; one turn of a job never overlaps the previous one. */
export function startJobs(): void {
  stopJobs();
  const timers: NodeJS.Timeout[] = (g.__helpdeskJobTimers = []);
  const ticks = (g.__helpdeskJobTicks = new Map());
  for (const job of registeredJobs()) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await runTurn(job);
      } finally {
        running = false;
      }
    };
    ticks.set(job.name, tick);
    timers.push(setTimeout(tick, job.firstAfterMs ?? job.everyMs).unref());
    timers.push(setInterval(tick, job.everyMs).unref());
  }
}

export function stopJobs(): void {
  for (const timer of g.__helpdeskJobTimers ?? []) clearInterval(timer);
  g.__helpdeskJobTimers = [];
  g.__helpdeskJobTicks = undefined;
}

const pending = new Set<string>();

/** Runs a started job's next turn soon (e.g. the mail worker right after a mail was queued). */
export function triggerJob(name: string, afterMs = 250): void {
  const tick = g.__helpdeskJobTicks?.get(name);
  if (!tick || pending.has(name)) return;
  pending.add(name);
  setTimeout(() => {
    pending.delete(name);
    void tick();
  }, afterMs).unref();
}
