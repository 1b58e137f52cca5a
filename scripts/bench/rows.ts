/** The rows, in order: floors, (a) one URL repeated, (b) rotations, dashboards, report, downloads, (c) while writing, creation. */
import type autocannon from "autocannon";
import { COMPARE_LABEL, ONLY, SUBJECTS, WRITE_RATE, log } from "./config";
import { measureBulk } from "./bulk";
import { download, writer, type Download } from "./load";
import type { Result, Side } from "./measure";
import { listData, rotation, run, visits, type Row } from "./run";
import { listViews, slaViews, type Lookups } from "./views";

const h = (cookie: string) => ({ cookie });

/** Every worker compiles its routes and fills its pool before the first row. */
async function warmUp(s: Side, views: string[], ticketPaths: string[]) {
  const data = listData(views);
  const paths = Array.from({ length: 20 }, (_, k) => [views[k]!, data[k]!, ticketPaths[k]!]).flat();
  for (const p of [...paths, "/dashboard", "/dashboard"]) await fetch(s.app.base + p, { headers: h(s.admin) }).then((r) => r.arrayBuffer());
}

/** Measures every row on `main` (and the candidate rows on `other`, right after the same row on `main`); returns the writes done during (c). */
export async function measureRows(main: Side, other: Side | null, l: Lookups, out: Result, flush: () => void): Promise<string> {
  const { base, meter } = main.app;
  const { admin, client } = main;
  const views = listViews(l);
  const sla = slaViews(l);
  const ticketPaths = l.tickets.map((t) => `/dashboard/tickets/${t.number}`);
  await warmUp(main, views, ticketPaths);
  if (other) await warmUp(other, views, ticketPaths);

  const record = (row: Row | null, into: Row[] = out.rows) => {
    if (!row) return;
    into.push(row);
    flush();
  };
  const saveDownload = (d: Download | null) => {
    if (!d) return;
    out.exports.push(d);
    flush();
  };
  /** A row that compares the two builds: measured on this tree, then at once on the --compare build. */
  const candidate = async (name: string, opts: (s: Side) => autocannon.Options) => {
    record(await run(meter, name, opts(main)));
    if (!other) return;
    log(`the same on ${COMPARE_LABEL}`);
    record(await run(other.app.meter, name, opts(other)), out.compare);
  };

  await candidate("health (floor)", (s) => ({ url: `${s.app.base}/api/health` }));
  // What a visit would cost if its page needed a second request after it (the static-shell design).
  record(await run(meter, "health, twice per visit (floor of a page + data visit)", { url: base }, visits(["/api/health"], () => "/api/health")));
  // A list or ticket visit is one GET of the page document, which already holds its data.
  record(await run(meter, "(a) list, default, repeated", { url: `${base}/dashboard/tickets`, headers: h(admin) }));
  record(await run(meter, "(a) list, filtered + searched, repeated", { url: `${base}/dashboard/tickets?status=OPEN&priority=HIGH&departmentId=${l.depts[3]}&q=internet`, headers: h(admin) }));
  record(await run(meter, "(a) list, Terlambat (overdue) tab, repeated", { url: `${base}/dashboard/tickets?sla=overdue`, headers: h(admin) }));
  record(await run(meter, "(a) list, sorted by next due time, repeated", { url: `${base}/dashboard/tickets?sort=due`, headers: h(admin) }));
  record(await run(meter, "(a) ticket page, repeated", { url: `${base}${ticketPaths[0]}`, headers: h(admin) }));
  await candidate(`(b) list, rotation over ${views.length} views (admin)`, (s) => ({ url: s.app.base, headers: h(s.admin), requests: rotation(views) }));
  // A tab or filter click inside the list: only the list's JSON for the new view.
  record(await run(meter, `(b) list, in-page change (data only), rotation over ${views.length} views`, { url: base, headers: h(admin), requests: rotation(listData(views)) }));
  record(await run(meter, `(b) list, service-level views (Terlambat, Segera jatuh tempo, due sort), rotation over ${sla.length}`, { url: base, headers: h(admin), requests: rotation(sla) }));
  const ownPages = Array.from({ length: 10 }, (_, p) => `/dashboard/tickets?page=${p + 1}`);
  record(await run(meter, "(b) list, the client's own list, rotation over 10 pages", { url: base, headers: h(client), requests: rotation(ownPages) }));
  await candidate(`(b) ticket page, rotation over ${ticketPaths.length} tickets`, (s) => ({ url: s.app.base, headers: h(s.admin), requests: rotation(ticketPaths) }));
  // Dashboards, a one-year report for all OPDs, and full exports (streamed; RSS sampled meanwhile).
  await candidate("dashboard (admin)", (s) => ({ url: `${s.app.base}/dashboard`, headers: h(s.admin) }));
  record(await run(meter, "dashboard (staff)", { url: `${base}/dashboard`, headers: h(main.staff) }));
  record(await run(meter, "dashboard (client)", { url: `${base}/dashboard`, headers: h(client) }));
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() + 7 * 3600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
  const report = `preset=custom&from=${yearAgo}&to=${today}&groupBy=agency`;
  record(await run(meter, "report, one year, all OPDs (2 connections)", { url: `${base}/dashboard/reports?${report}`, headers: h(admin), connections: 2 }));
  // The SKM report of this calendar year (a year period): IKM, per element, per department and OPD, profile, trend, suggestions.
  const skmYear = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  record(await run(meter, "SKM report, one year (2 connections)", { url: `${base}/dashboard/reports/skm?period=${skmYear}`, headers: h(admin), connections: 2 }));
  saveDownload(await download(base, admin, "/api/tickets/export?format=csv", "ticket list, all tickets, CSV", main.app.pid));
  saveDownload(await download(base, admin, "/api/tickets/export?format=xlsx", "ticket list, all tickets, XLSX", main.app.pid));
  saveDownload(await download(base, admin, `/api/reports/export?${report}&format=xlsx`, "report, one year by OPD, XLSX", main.app.pid));
  const stopWriting = writer(base, client, admin, l, WRITE_RATE);
  record(await run(meter, `(c) list rotation while writing ${WRITE_RATE}/s`, { url: base, headers: h(admin), requests: rotation(views) }));
  record(await run(meter, `(c) ticket page rotation while writing ${WRITE_RATE}/s`, { url: base, headers: h(admin), requests: rotation(ticketPaths) }));
  const writes = await stopWriting();
  out.writes = `${writes.done} writes done, ${writes.failed} failed`;
  let n = 0;
  const creation = (req: autocannon.Request) => ({
    ...req,
    body: JSON.stringify({ departmentId: l.depts[n % l.depts.length], subject: `${SUBJECTS[n % SUBJECTS.length]} (bench ${n++})`, description: "Dibuat oleh npm run bench.", priority: "NORMAL" }),
  });
  record(
    await run(meter, "creation (POST /api/tickets, JSON → same DAL)", {
      url: `${base}/api/tickets`,
      method: "POST",
      headers: { ...h(client), "content-type": "application/json" },
      requests: [{ setupRequest: creation }],
    }),
  );
  // One bulk change of 1,000 tickets through the list's server action (put back afterwards), with the count tables' sizes.
  if (!ONLY || "bulk change of 1,000 tickets".includes(ONLY)) {
    out.bulk = await measureBulk(process.cwd(), base, admin);
    flush();
  }
  return out.writes;
}
