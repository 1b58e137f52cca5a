import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import * as tar from "tar";
import { dataDir, isPostgresUrl, pgliteDir } from "../lib/runtime-paths";

/**
 * One backup archive (.tar.gz) holds:
 *   manifest.json            what it is (database kind, time, migrations, file count)
 *   database/postgres.dump   pg_dump custom format (PostgreSQL), or
 *   database/pglite.tar.gz   PGlite's own dump of its data folder (embedded)
 *   data/…                   the data folder: attachments, avatars, branding, nextauth-secret
 * The embedded database's own folder is never copied file by file (it is in the dump).
 */
export const ARCHIVE_VERSION = 1;
export type DatabaseKind = "postgresql" | "pglite";
export type Manifest = {
  format: "helpdesk-backup";
  version: number;
  createdAt: string;
  database: DatabaseKind;
  migrations: string[];
  files: number;
  bytes: number;
};

export const databaseKind = (): DatabaseKind => (isPostgresUrl(process.env.DATABASE_URL) ? "postgresql" : "pglite");

/** The PostgreSQL client tools (pg_dump, pg_restore): on PATH, or the newest Debian install. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  if (process.env.PGBIN) return path.join(process.env.PGBIN, name);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => fs.existsSync(path.join(debian, v, "bin", name)));
    versions.sort((a, b) => Number(a) - Number(b));
    if (versions.length) return path.join(debian, versions.at(-1)!, "bin", name);
  }
  return name;
}

export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", (e) => reject(new Error(`${command}: ${e.message} (install the PostgreSQL client tools or set PGBIN)`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** The data folder's own files (not the embedded database), relative paths. */
export function dataFiles(root = dataDir()): string[] {
  const skip = path.resolve(pgliteDir());
  const out: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (path.resolve(full) === skip) continue;
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  visit(root);
  return out.sort();
}

export function migrationNames(): string[] {
  const dir = path.resolve("prisma/migrations");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

/** One progress line, rewritten in place on a terminal. */
export function progress(text: string, done = false): void {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}${done ? "\n" : ""}`);
  else console.log(text);
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function listArchive(file: string): Promise<string[]> {
  const entries: string[] = [];
  await tar.list({ file, onReadEntry: (e) => void entries.push(e.path) });
  return entries;
}

export { tar };
