/** The work beside the rows: writes at a steady rate during (c), and full downloads with the RSS they cost. */
import { ONLY, SUBJECTS, log } from "./config";
import { rssMb, tree } from "./processes";
import type { Lookups } from "./views";

/** Creations and replies at a steady rate (open loop: a slow answer does not slow the rate; at most 20 in flight). */
export function writer(base: string, client: string, admin: string, l: Lookups, perSecond: number) {
  let done = 0;
  let failed = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  let i = 0;
  const fire = () => {
    if (inFlight >= 20) return;
    const k = i++;
    const create = k % 2 === 0;
    inFlight++;
    const p = fetch(create ? `${base}/api/tickets` : `${base}/api/tickets/${l.tickets[k % l.tickets.length]!.id}/messages`, {
      method: "POST",
      headers: { cookie: create ? client : admin, "content-type": "application/json" },
      body: JSON.stringify(create ? { departmentId: l.depts[k % l.depts.length], subject: `${SUBJECTS[k % SUBJECTS.length]} (bench ${k})`, description: "Dibuat saat membaca." } : { body: `Balasan bench ${k}` }),
    })
      .then((res) => {
        if (res.ok) done++;
        else failed++;
        return res.arrayBuffer();
      })
      .catch(() => {
        failed++;
      })
      .then(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };
  const timer = setInterval(fire, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await Promise.all([...pending]);
    return { done, failed };
  };
}

export type Download = { name: string; seconds: number; megabytes: number; lines: number; status: number; maxRssMb: number };

/** One full download, read as a stream; the app's largest process RSS is sampled every 200 ms meanwhile. */
export async function download(base: string, cookie: string, path: string, name: string, appPid: number): Promise<Download | null> {
  if (ONLY) return null;
  log(`download: ${name}`);
  let maxRss = 0;
  const sample = () => {
    for (const p of tree(appPid)) maxRss = Math.max(maxRss, rssMb(p));
  };
  const timer = setInterval(sample, 200);
  const t0 = Date.now();
  let bytes = 0;
  let lines = 0;
  let status = 0;
  try {
    // A download that stalls is a result too: it is recorded as status 0 after 10 minutes.
    const res = await fetch(base + path, { headers: { cookie }, signal: AbortSignal.timeout(10 * 60_000) });
    status = res.status;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
    }
  } catch (error) {
    log(`download ${name} failed: ${(error as Error).message}`);
    status = 0;
  } finally {
    clearInterval(timer);
  }
  sample();
  return { name, seconds: Math.round((Date.now() - t0) / 100) / 10, megabytes: Math.round(bytes / 1e5) / 10, lines, status, maxRssMb: maxRss };
}
