import cluster from "node:cluster";

// When `npm start` runs several workers (HELPDESK_WORKERS), a process-local cache must hear about a
// change another worker made. The primary (scripts/next-cluster.mjs) relays each message to every worker.
// Separate hosts have no bus: their caches are short-lived instead (see each cache's TTL).

type Message = { helpdesk: "invalidate"; topic: string };
const listeners = new Map<string, Set<() => void>>();
let attached = false;

function attach() {
  if (attached || !cluster.isWorker) return;
  attached = true;
  process.on("message", (m: Partial<Message>) => {
    if (m?.helpdesk === "invalidate" && typeof m.topic === "string") listeners.get(m.topic)?.forEach((fn) => fn());
  });
}

/** Runs `fn` in this worker whenever any worker publishes `topic`. */
export function onInvalidate(topic: string, fn: () => void): void {
  attach();
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic)!.add(fn);
}

/** Tells this worker and every other worker that `topic` changed. */
export function publishInvalidate(topic: string): void {
  listeners.get(topic)?.forEach((fn) => fn());
  if (cluster.isWorker) process.send?.({ helpdesk: "invalidate", topic } satisfies Message);
}
