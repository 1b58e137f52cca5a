/** Every row of one Node version, against one started app. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SUBJECTS, WRITE_RATE, spareport, log } from "./config";
import { login, nodeBinary, startApp, waitHealthy } from "./app";
import { download, writer, type Download } from "./load";
import { postgresPids, rssMb, tree } from "./processes";
import { listVisits, run, ticketVisits, visits, type Meter, type Row } from "./run";
import { listViews, slaViews, type Lookups } from "./views";

export type Result = { node: string; rows: Row[]; rss: number[]; workers: number; writes: string; exports: Download[] };

/** Fills `out` row by row and calls `flush` after each, so an interrupted run still leaves what it measured. */
export async function measure(nodeVersion: string, l: Lookups, out: Result, flush: () => void): Promise<void> {
  const node = await nodeBinary(nodeVersion);
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await spareport();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-bench-"));
  log(`Node ${nodeVersion}: starting the app on ${base} (next build runs first when sources changed)`);
  const app = startApp(port, dataDir, node);
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitHealthy(base, app, dataDir);
    const meter: Meter = { appPids: () => tree(app.pid!), pgPids: await postgresPids() };
    const admin = await login(base, "benchadmin");
    const client = await login(base, "client1");
    const h = (cookie: string) => ({ cookie });
    const views = listViews(l);
    const ticketPaths = l.tickets.map((t) => `/dashboard/tickets/${t.number}`);
    // Warm-up: every worker compiles its routes and fills its pool.
    for (let k = 0; k < 20; k++) for (const p of [views[k]!, `/api/tickets/list?options=1&${views[k]!.split("?")[1] ?? ""}`, ticketPaths[k]!, `/api/tickets/detail?number=${ticketPaths[k]!.split("/").pop()}&options=1`]) await fetch(base + p, { headers: h(admin) });

    const record = (row: Row | null) => {
      if (!row) return;
      out.rows.push(row);
      flush();
    };
    const saveDownload = (d: Download | null) => {
      if (!d) return;
      out.exports.push(d);
      flush();
    };
    record(await run(meter, "health (floor)", { url: `${base}/api/health` }));
    // A list or ticket visit is two requests in a row: no visit can beat two health checks.
    record(await run(meter, "health, twice per visit (floor of a page + data visit)", { url: base }, visits(["/api/health"], () => "/api/health")));
    record(await run(meter, "(a) list, default, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets"])));
    record(
      await run(meter, "(a) list, filtered + searched, repeated (page + data)", { url: base, headers: h(admin) }, listVisits([`/dashboard/tickets?status=OPEN&priority=HIGH&departmentId=${l.depts[3]}&q=internet`])),
    );
    record(await run(meter, "(a) list, Terlambat (overdue) tab, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets?sla=overdue"])));
    record(await run(meter, "(a) list, sorted by next due time, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets?sort=due"])));
    record(await run(meter, "(a) ticket page, repeated (page + data)", { url: base, headers: h(admin) }, ticketVisits([ticketPaths[0]!])));
    record(await run(meter, `(b) list, rotation over ${views.length} views (admin; page + data)`, { url: base, headers: h(admin) }, listVisits(views)));
    const sla = slaViews(l);
    record(await run(meter, `(b) list, service-level views (Terlambat, Segera jatuh tempo, due sort), rotation over ${sla.length} (page + data)`, { url: base, headers: h(admin) }, listVisits(sla)));
    record(await run(meter, "(b) list, the client's own list, rotation over 10 pages (page + data)", { url: base, headers: h(client) }, listVisits(Array.from({ length: 10 }, (_, p) => `/dashboard/tickets?page=${p + 1}`))));
    record(await run(meter, `(b) ticket page, rotation over ${ticketPaths.length} tickets (page + data)`, { url: base, headers: h(admin) }, ticketVisits(ticketPaths)));
    // Dashboards, a one-year report for all OPDs, and full exports (streamed; RSS sampled meanwhile).
    const staffUser = await login(base, "staff1");
    record(await run(meter, "dashboard (admin)", { url: `${base}/dashboard`, headers: h(admin) }));
    record(await run(meter, "dashboard (staff)", { url: `${base}/dashboard`, headers: h(staffUser) }));
    record(await run(meter, "dashboard (client)", { url: `${base}/dashboard`, headers: h(client) }));
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 7 * 3600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
    record(
      await run(meter, "report, one year, all OPDs (2 connections)", {
        url: `${base}/dashboard/reports?preset=custom&from=${yearAgo}&to=${today}&groupBy=agency`,
        headers: h(admin),
        connections: 2,
      }),
    );
    saveDownload(await download(base, admin, "/api/tickets/export?format=csv", "ticket list, all tickets, CSV", app.pid!));
    saveDownload(await download(base, admin, "/api/tickets/export?format=xlsx", "ticket list, all tickets, XLSX", app.pid!));
    saveDownload(await download(base, admin, `/api/reports/export?preset=custom&from=${yearAgo}&to=${today}&groupBy=agency&format=xlsx`, "report, one year by OPD, XLSX", app.pid!));
    const w1 = writer(base, client, admin, l, WRITE_RATE);
    record(await run(meter, `(c) list rotation while writing ${WRITE_RATE}/s (page + data)`, { url: base, headers: h(admin) }, listVisits(views)));
    record(await run(meter, `(c) ticket page rotation while writing ${WRITE_RATE}/s (page + data)`, { url: base, headers: h(admin) }, ticketVisits(ticketPaths)));
    const writes = await w1();
    out.writes = `${writes.done} writes done, ${writes.failed} failed`;
    let n = 0;
    record(
      await run(meter, "creation (POST /api/tickets, JSON → same DAL)", {
        url: `${base}/api/tickets`,
        method: "POST",
        headers: { ...h(client), "content-type": "application/json" },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ departmentId: l.depts[n % l.depts.length], subject: `${SUBJECTS[n % SUBJECTS.length]} (bench ${n++})`, description: "Dibuat oleh npm run bench.", priority: "NORMAL" }),
            }),
          },
        ],
      }),
    );
    const servers = tree(app.pid!).filter((p) => /next-server/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ")) || /next start/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8")));
    out.rss = servers.map(rssMb);
    out.workers = servers.length;
    out.writes = `${writes.done} writes done, ${writes.failed} failed`;
    flush();
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 2000));
  }
}
