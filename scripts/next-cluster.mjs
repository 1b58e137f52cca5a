// `next start` in HELPDESK_WORKERS processes sharing one port (Node's cluster module hands each
// connection to a worker). Started by scripts/start.ts; with one worker it is plain `next start`.
import cluster from "node:cluster";
import { createRequire } from "node:module";

const workers = Math.max(1, Number(process.env.HELPDESK_WORKERS) || 1);
const port = process.env.PORT || "3000";

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    // The invalidation bus (lib/runtime/cluster-bus.ts): relay a worker's message to all workers.
    worker.on("message", (m) => {
      if (m?.helpdesk === "invalidate") for (const w of Object.values(cluster.workers ?? {})) w?.send(m);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(sig);
      setTimeout(() => process.exit(0), 10_000).unref();
      cluster.disconnect(() => process.exit(0));
    });
  }
} else {
  process.argv = [process.argv[0], "next", "start", "-p", port];
  createRequire(import.meta.url)("next/dist/bin/next");
}
