import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { dataDir, isPostgresUrl, pgliteDir } from "../lib/runtime-paths";

/** Loads .env when present, prepares the data folder and a persistent NEXTAUTH_SECRET. */
export function prepareRuntimeEnv(): void {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });

  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir(), "nextauth-secret");
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }
  // Without a fixed public URL, next-auth builds its URLs from the request's host.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}

export function describeDatabase(): string {
  return isPostgresUrl(process.env.DATABASE_URL) ? "PostgreSQL (DATABASE_URL)" : `PGlite embedded (${pgliteDir()})`;
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export const bin = (name: string) => path.resolve("node_modules", ".bin", name);
