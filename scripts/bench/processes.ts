/** CPU and memory of the app's and PostgreSQL's processes, read from /proc. */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { dbUrl } from "./config";

export const CLK_TCK = 100;

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

export function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/** User + system CPU seconds of these processes (and their reaped children). */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const p of pids) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").slice(0).split(") ")[1]!.split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      /* gone */
    }
  }
  return ticks / CLK_TCK;
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server's processes, when it runs on this machine (its data directory names the postmaster). */
export async function postgresPids(): Promise<() => number[]> {
  try {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const dir = (await c.query("SHOW data_directory")).rows[0].data_directory as string;
    await c.end();
    const postmaster = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    return () => tree(postmaster);
  } catch {
    return () => [];
  }
}
