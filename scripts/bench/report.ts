/** The section of docs/benchmarks.md for this ticket count (printed instead with --only). */
import fs from "node:fs";
import os from "node:os";
import {
  AGENCIES,
  CLIENTS,
  COMPARE_DIR,
  COMPARE_LABEL,
  CONNECTIONS,
  DEPARTMENTS,
  DURATION,
  MESSAGES_PER_TICKET,
  NODE_VERSIONS,
  ONLY,
  STAFF,
  THIS_LABEL,
  TICKETS,
  serverUrl,
} from "./config";
import type { Result } from "./measure";
import type { Row } from "./run";
import { BULK_TABLES, type BulkRun } from "./bulk";

const HEADER = `Made by \`npm run bench\` (scripts/bench.ts and scripts/bench/): a fresh PostgreSQL database seeded in bulk, the production
build started with \`npm start\` on loopback (one \`next start\` worker per core, heap-capped), autocannon per row.
Pages are fetched as a logged-in admin (the client's own list as a client). A list or ticket visit is one
GET of the page document with the session cookie (\`/dashboard/tickets?…\`, \`/dashboard/tickets/<number>\`),
a server-rendered page that already holds its data; its CPU and bytes are per document. "In-page change" fetches
only the list's JSON (\`/api/tickets/list?…\`), as a tab or filter click does. (a) repeats one URL; (b) rotates over 200+ list views (pages, status tabs, departments, OPDs,
assignees, priorities, searches for common and rare words, sorts) and over 1,000 ticket pages; (c) runs the
same rotations while tickets are created and replied to over HTTP. Creation posts JSON to
\`POST /api/tickets\`, which runs the same zod schema and DAL function as \`createTicketAction\`.
With \`--compare DIR\`, a second build of the app (another worktree) runs on its own port against the same
database, and the candidate rows (list rotation, ticket rotation, admin dashboard, and its own health floor)
are measured on it right after the same row on this tree.
Node and PostgreSQL CPU per request are read from \`/proc\` (all app processes / all server processes,
divided by the requests of the row), so they hold against a busy machine better than latencies do.`;

const COLUMNS = `| run | p50 ms | p95 ms | p99 ms | req/s | Node CPU ms/req | PostgreSQL CPU ms/req | bytes/resp | cache hits | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`;

function table(rows: Row[]): string {
  return `${COLUMNS}\n${rows.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.nodeMs} | ${r.pgMs} | ${r.bytes.toLocaleString("en")} | ${r.hitRate} | ${r.non2xx} | ${r.errors} |`).join("\n")}`;
}

/** The two builds side by side: this tree's candidate rows (taken from its table) and the --compare build's. */
function candidates(rows: Row[], compare: Row[]): string {
  if (!compare.length) return "";
  const names = new Set(compare.map((r) => r.name));
  return `
#### Candidates, measured in the same run on the same data

**${THIS_LABEL}** (this tree)

${table(rows.filter((r) => names.has(r.name)))}

**${COMPARE_LABEL}** (\`${COMPARE_DIR}\`)

${table(compare)}
`;
}

function command(): string {
  const node = NODE_VERSIONS.length > 1 ? ` --node ${NODE_VERSIONS[1]}` : "";
  const compare = COMPARE_DIR ? ` --compare ${COMPARE_DIR} --compare-label "${COMPARE_LABEL}"` : "";
  return `npm run bench -- --tickets ${TICKETS}${node}${compare}`;
}

const kb = (bytes: number | undefined) => (bytes === undefined ? "—" : `${Math.round(bytes / 1024).toLocaleString("en")} kB`);

/** The bulk change rows: one request each, the count tables' sizes (pg_total_relation_size) before → after. */
function bulkTable(runs: BulkRun[] | undefined): string {
  if (!runs?.length) return "";
  return `
| bulk change (one request, admin) | ms | target ≤ 2,000 ms | ${BULK_TABLES.join(" | ")} | answer |
|---|---:|---|${BULK_TABLES.map(() => "---").join("|")}|---|
${runs.map((r) => `| ${r.name} | ${r.ms} | ${r.ms <= 2000 ? "✅" : "❌"} | ${BULK_TABLES.map((t) => `${kb(r.before[t])} → ${kb(r.after[t])}`).join(" | ")} | \`${r.answer}\` |`).join("\n")}
`;
}

function part({ node, rows, compare, rss, workers, writes, exports, bulk }: Result): string {
  const ok = (b: boolean) => (b ? "✅" : "❌");
  const health = rows[0];
  if (!health) return `### Node ${node}\n\n(starting)\n`;
  const by = (prefix: string) => rows.filter((r) => r.name.startsWith(prefix));
  // Visits only: the in-page change is a click inside a page already open.
  const listRows = [...by("(b) list"), ...by("(c) list")].filter((r) => !r.name.includes("in-page"));
  const pageRows = [...by("(b) ticket"), ...by("(c) ticket")];
  const create = by("creation")[0];
  const listOk = listRows.length > 0 && listRows.every((r) => r.p95 <= 150 && r.p95 <= 5 * health.p95);
  const dashboards = by("dashboard (");
  const dashboardsOk = dashboards.length > 0 && dashboards.every((r) => r.p95 <= 150 && r.p95 <= 3 * health.p95);
  const report = by("report,")[0];
  const csv = exports.find((e) => e.name.includes("CSV"));
  return `### Node ${node}

${table(rows)}

${workers} \`next start\` worker(s); RSS after the runs: ${rss.map((m) => `${m} MB`).join(", ")}. Writes during (c): ${writes}.
${candidates(rows, compare)}
| target (for (b) and (c)) | measured | |
|---|---|---|
| list p95 ≤ 150 ms and ≤ 5× health p95 (${Math.round(5 * health.p95)} ms) | ${listRows.map((r) => `${r.p95} ms`).join(", ")} | ${ok(listOk)} |
| ticket page p95 ≤ 100 ms | ${pageRows.map((r) => `${r.p95} ms`).join(", ")} | ${ok(pageRows.length > 0 && pageRows.every((r) => r.p95 <= 100))} |
| creation ≥ 100/s | ${create ? `${create.rps}/s` : "—"} | ${ok(!!create && create.rps >= 100)} |
| RSS per process ≤ 500 MB | ${rss.length ? `${Math.max(...rss)} MB` : "—"} | ${ok(rss.length > 0 && Math.max(...rss) <= 500)} |
| dashboards p95 ≤ 150 ms and ≤ 3× health p95 (${Math.round(3 * health.p95)} ms), 20 connections | ${dashboards.map((r) => `${r.name.slice("dashboard ".length)} ${r.p95} ms`).join(", ") || "—"} | ${ok(dashboardsOk)} |
| one-year report for all OPDs ≤ 1 s (p95, 2 connections) | ${report?.p95 ?? "—"} ms | ${ok(!!report && report.p95 <= 1000)} |
| full CSV export ≤ 30 s with RSS < 500 MB | ${csv ? `${csv.lines.toLocaleString("en")} lines in ${csv.seconds} s, max RSS ${csv.maxRssMb} MB` : "—"} | ${ok(!!csv && csv.status === 200 && csv.seconds <= 30 && csv.maxRssMb < 500)} |

| download (one request, streamed) | status | seconds | MB | lines | largest app process RSS meanwhile |
|---|---:|---:|---:|---:|---:|
${exports.map((e) => `| ${e.name} | ${e.status} | ${e.seconds} | ${e.megabytes} | ${e.lines.toLocaleString("en")} | ${e.maxRssMb} MB |`).join("\n")}
${bulkTable(bulk)}`;
}

export function write(results: Result[], finished: boolean) {
  const cpu = os.cpus();
  const section = `## ${TICKETS.toLocaleString("en")} tickets

Generated by \`${command()}\` on ${new Date().toISOString()}${finished ? "" : " — **still running; the rows below are those measured so far**"}.

- Machine: ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length} logical CPUs, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM; load average (1/5/15 min) at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}
- Database: PostgreSQL (${serverUrl!.replace(/\/\/[^@]*@/, "//")}), ${TICKETS.toLocaleString("en")} tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString("en")} messages, ${DEPARTMENTS} departments, ${AGENCIES} OPDs, ${CLIENTS} clients, ${STAFF} staff
- autocannon ${CONNECTIONS} connections × ${DURATION} s per row; p95 interpolated between autocannon's p90 and p97.5.

${results.map(part).join("\n")}`;
  if (ONLY) {
    if (finished) console.log(section);
    return;
  }
  // One section per ticket count, so a 1,000,000-ticket run does not overwrite the 100,000 one.
  fs.mkdirSync("docs", { recursive: true });
  const file = "docs/benchmarks.md";
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const start = `<!-- bench:${TICKETS} -->`;
  const end = `<!-- /bench:${TICKETS} -->`;
  const block = `${start}\n${section}${end}`;
  const sections = [...old.matchAll(/<!-- bench:(\d+) -->[\s\S]*?<!-- \/bench:\1 -->/g)]
    .filter((m) => m[1] !== String(TICKETS))
    .map((m) => [Number(m[1]), m[0]] as const);
  sections.push([TICKETS, block]);
  sections.sort((a, b) => a[0] - b[0]);
  const notes = old.includes("<!-- notes -->") ? old.slice(old.indexOf("<!-- notes -->")) : "";
  fs.writeFileSync(file, `# Benchmarks\n\n${HEADER}\n\n${sections.map((x) => x[1]).join("\n\n")}\n${notes ? `\n${notes}` : ""}`);
  if (finished) console.log(section);
}
