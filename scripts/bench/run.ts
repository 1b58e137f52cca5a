/** One row: autocannon against one URL or a rotation, with latency percentiles and CPU per request or visit. */
import autocannon from "autocannon";
import { CONNECTIONS, DURATION, ONLY, log } from "./config";
import { cpuSeconds } from "./processes";

export type Row = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
  nodeMs: number;
  pgMs: number;
  bytes: number;
  hitRate: string;
};

export type Meter = { appPids: () => number[]; pgPids: () => number[] };

/**
 * Two requests in a row per connection, timed from the first request to the second's last byte: the
 * floor of any visit that needs a second request after its page.
 */
export function visits(paths: string[], dataOf: (path: string) => string) {
  let i = 0;
  const durations: number[] = [];
  type Ctx = { view?: string; t0?: number };
  const requests = [
    {
      setupRequest: (req: autocannon.Request, ctx: Ctx) => {
        ctx.view = paths[i++ % paths.length]!;
        ctx.t0 = performance.now();
        return { ...req, path: ctx.view };
      },
    },
    {
      setupRequest: (req: autocannon.Request, ctx: Ctx) => ({ ...req, path: dataOf(ctx.view!) }),
      onResponse: (_s: number, _b: string, ctx: Ctx) => {
        durations.push(performance.now() - ctx.t0!);
      },
    },
  ] as unknown as autocannon.Request[];
  return { requests, durations };
}

/**
 * One GET per visit, the next path of the list each time (shared by all connections). A list view or
 * a ticket opened as a document is a server-rendered page that already holds its data.
 */
export function rotation(paths: string[]): autocannon.Request[] {
  let i = 0;
  return [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length]! }) }] as unknown as autocannon.Request[];
}

/** What a tab or filter click inside the list fetches: the list's JSON for that view, without the page around it. */
export function listData(views: string[]): string[] {
  return views.map((view) => `/api/tickets/list${view.includes("?") ? `?${view.split("?")[1]}` : ""}`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

export async function run(meter: Meter, name: string, opts: autocannon.Options, visited?: ReturnType<typeof visits>): Promise<Row | null> {
  if (ONLY && !name.includes(ONLY) && !name.startsWith("health")) return null;
  if (visited) opts = { ...opts, requests: visited.requests };
  log(`autocannon: ${name}`);
  let hits = 0;
  let seen = 0;
  const count = (_s: number, _b: string, _c: object, headers: import("node:http").IncomingHttpHeaders | undefined) => {
    const h = headers?.["x-helpdesk-cache"];
    if (h) {
      seen++;
      if (h === "hit") hits++;
    }
  };
  const requests = (opts.requests ?? [{}]).map((r) => ({
    ...r,
    onResponse: (...a: Parameters<typeof count>) => {
      count(...a);
      (r.onResponse as ((...x: Parameters<typeof count>) => void) | undefined)?.(...a);
    },
  }));
  const node0 = cpuSeconds(meter.appPids());
  const pg0 = cpuSeconds(meter.pgPids());
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts, requests });
  const nodeS = cpuSeconds(meter.appPids()) - node0;
  const pgS = cpuSeconds(meter.pgPids()) - pg0;
  // autocannon reports p97_5 and p99 but no p95: interpolate from its histogram percentiles.
  const l = r.latency as unknown as Record<string, number>;
  const p95 = l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
  // The two-request floor counts visits (both requests); any other row HTTP requests.
  const d = visited ? [...visited.durations].sort((a, b) => a - b) : [];
  const total = Math.max(1, visited ? d.length : r.requests.total);
  return {
    name,
    p50: visited ? percentile(d, 50) : l.p50,
    p95: visited ? percentile(d, 95) : Math.round(p95 * 10) / 10,
    p99: visited ? percentile(d, 99) : l.p99,
    rps: visited ? Math.round(d.length / DURATION) : Math.round(r.requests.average),
    non2xx: r.non2xx,
    errors: r.errors,
    nodeMs: Math.round((nodeS * 1000 * 10) / total) / 10,
    pgMs: Math.round((pgS * 1000 * 10) / total) / 10,
    bytes: Math.round(r.throughput.total / total),
    hitRate: seen ? `${Math.round((hits * 100) / seen)} %` : "—",
  };
}
