/** One Node version: the app (and the --compare build) started, every row measured, then both stopped. */
import fs from "node:fs";
import { COMPARE_DIR, COMPARE_LABEL, spareport, log } from "./config";
import { launch, login, nodeBinary, type App } from "./app";
import type { Download } from "./load";
import type { BulkRun } from "./bulk";
import { postgresPids, rssMb, tree } from "./processes";
import type { Row } from "./run";
import { measureRows } from "./rows";
import type { Lookups } from "./views";

/** One Node version's rows; `compare` holds the --compare build's candidate rows (empty without it). */
export type Result = { node: string; rows: Row[]; compare: Row[]; rss: number[]; workers: number; writes: string; exports: Download[]; bulk?: BulkRun[] };

/** An app with its sessions: the admin, the client client1 and the staff member staff1. */
export type Side = { app: App; admin: string; client: string; staff: string };

async function signIn(app: App): Promise<Side> {
  return { app, admin: await login(app.base, "benchadmin"), client: await login(app.base, "client1"), staff: await login(app.base, "staff1") };
}

/** Fills `out` row by row and calls `flush` after each, so an interrupted run still leaves what it measured. */
export async function measure(nodeVersion: string, l: Lookups, out: Result, flush: () => void): Promise<void> {
  const node = await nodeBinary(nodeVersion);
  const pgPids = await postgresPids();
  const apps: App[] = [];
  try {
    const port = await spareport();
    log(`Node ${nodeVersion}: starting the app on http://127.0.0.1:${port} (next build runs first when sources changed)`);
    const app = await launch(process.cwd(), port, node, pgPids);
    apps.push(app);
    let other: Side | null = null;
    if (COMPARE_DIR) {
      // Started after the first app answers, so the two never build or migrate at the same time.
      const comparePort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + 1 : await spareport();
      log(`Node ${nodeVersion}: starting ${COMPARE_LABEL} from ${COMPARE_DIR} on http://127.0.0.1:${comparePort}`);
      const compared = await launch(COMPARE_DIR, comparePort, node, pgPids);
      apps.push(compared);
      other = await signIn(compared);
    }
    const writes = await measureRows(await signIn(app), other, l, out, flush);
    const servers = tree(app.pid).filter((p) => /next-server/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ")) || /next start/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8")));
    out.rss = servers.map(rssMb);
    out.workers = servers.length;
    out.writes = writes;
    flush();
  } finally {
    for (const a of apps) a.stop();
    await new Promise((r) => setTimeout(r, 2000));
  }
}
