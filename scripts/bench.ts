/**
 * npm run bench [-- --tickets 1000000] [--duration 10] [--connections 20] [--skip-seed | --seed-only] [--node 24]
 *   [--write-rate 10] [--only NAME] [--compare DIR [--compare-label "(a) cache components"]]
 *   (BENCH_PORT: the app's port, default a spare one; BENCH_DB_NAME: the database, default helpdesk_bench)
 *
 * Seeds a fresh database `helpdesk_bench` on the PostgreSQL server of DATABASE_URL (or
 * BENCH_DATABASE_URL) in bulk (INSERT … SELECT generate_series), starts the app with `npm start`
 * (migrations, build when needed, next start) on a spare loopback port, logs in over HTTP and runs
 * autocannon against the pages that matter, each row beside the health floor of the same run:
 * (a) one URL repeated, (b) a rotation over 200+ list views and 1,000 ticket pages, (c) the same
 * rotation while tickets are being created and replied to. A list or ticket visit is one GET of the
 * page document. Per row: latency percentiles, req/s, Node and PostgreSQL CPU per request (from /proc),
 * bytes per response. With --compare, a second build of the app in DIR runs the candidate rows too.
 * Results go to docs/benchmarks.md.
 */
import { DB_NAME, NODE_VERSIONS, SEED_ONLY, SKIP_SEED, TICKETS, log } from "./bench/config";
import { measure, type Result } from "./bench/measure";
import { write } from "./bench/report";
import { migrateBenchDb, recreateDatabase, seed, topUpSkmResponses } from "./bench/seed";
import { lookups } from "./bench/views";

async function main() {
  if (!SKIP_SEED) {
    log(`fresh database ${DB_NAME}, ${TICKETS} tickets`);
    await recreateDatabase();
    await migrateBenchDb();
    await seed();
  } else {
    await migrateBenchDb();
    await topUpSkmResponses();
  }
  if (SEED_ONLY) return;
  const l = await lookups();
  const results: Result[] = [];
  for (const v of NODE_VERSIONS) {
    const out: Result = { node: v, rows: [], compare: [], rss: [], workers: 0, writes: "—", exports: [] };
    results.push(out);
    await measure(v, l, out, () => write(results, false));
  }
  write(results, true);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
