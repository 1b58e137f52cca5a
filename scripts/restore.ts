import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { prepareRuntimeEnv, describeDatabase } from "./runtime-env";
import { closePglite } from "../lib/db-adapter";
import { dataDir, pgliteDir } from "../lib/runtime-paths";
import { dataFiles, databaseKind, listArchive, mb, pgTool, progress, runTool, tar, tempDir, type Manifest } from "./backup-lib";
import { migrate } from "./migrate";

/**
 * `npm run restore -- FILE [--force]`: brings a backup back into this installation (the database
 * named by DATABASE_URL, or the embedded one, and the data folder). Refuses a non-empty
 * installation unless --force, which replaces its database and data files. Stop the app first.
 */

async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    return rows[0]!.n === 0;
  } finally {
    await client.end();
  }
}

async function pgliteIsEmpty(): Promise<boolean> {
  if (!fs.existsSync(pgliteDir()) || fs.readdirSync(pgliteDir()).length === 0) return true;
  const db = new PGlite(pgliteDir());
  try {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    return rows[0]!.n === 0;
  } finally {
    await db.close();
  }
}

/** Files that make an installation "in use": anything but the generated session secret. */
const userFiles = () => dataFiles().filter((f) => f !== "nextauth-secret");

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file || !fs.existsSync(file)) {
    console.error("Pemakaian / usage: npm run restore -- <backup.tar.gz> [--force]");
    process.exit(2);
  }
  prepareRuntimeEnv();

  const entries = await listArchive(file);
  const work = tempDir("helpdesk-restore-");
  try {
    await tar.extract({ file, cwd: work, filter: (p) => p === "manifest.json" || p.startsWith("database/") });
    const manifestPath = path.join(work, "manifest.json");
    if (!fs.existsSync(manifestPath)) throw new Error("not a helpdesk backup (no manifest.json)");
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
    if (manifest.format !== "helpdesk-backup") throw new Error("not a helpdesk backup");
    const kind = databaseKind();
    if (manifest.database !== kind) {
      throw new Error(`the backup holds a ${manifest.database} database but this installation uses ${kind}; set DATABASE_URL accordingly`);
    }

    const empty = (kind === "postgresql" ? await postgresIsEmpty(process.env.DATABASE_URL!) : await pgliteIsEmpty()) && userFiles().length === 0;
    if (!empty && !force) {
      throw new Error(`this installation is not empty (${describeDatabase()}, ${dataDir()}); add --force to replace it with the backup`);
    }

    progress(`Memulihkan basis data / restoring the database (${manifest.createdAt})…`);
    if (kind === "postgresql") {
      const url = process.env.DATABASE_URL!;
      if (!empty) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        await client.end();
      }
      await runTool(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${url}`, path.join(work, "database", "postgres.dump")]);
    } else {
      await closePglite();
      fs.rmSync(pgliteDir(), { recursive: true, force: true });
      fs.mkdirSync(pgliteDir(), { recursive: true, mode: 0o700 });
      const dump = fs.readFileSync(path.join(work, "database", "pglite.tar.gz"));
      const db = new PGlite(pgliteDir(), { loadDataDir: new Blob([dump]) });
      await db.waitReady;
      await db.close();
    }
    progress("Basis data dipulihkan / database restored", true);

    if (force) {
      for (const sub of fs.existsSync(dataDir()) ? fs.readdirSync(dataDir()) : []) {
        const full = path.join(dataDir(), sub);
        if (path.resolve(full) !== path.resolve(pgliteDir())) fs.rmSync(full, { recursive: true, force: true });
      }
    }
    const total = entries.filter((e) => e.startsWith("data/") && !e.endsWith("/")).length;
    let done = 0;
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    await tar.extract({
      file,
      cwd: dataDir(),
      strip: 1,
      filter: (p) => p.startsWith("data/"),
      onReadEntry: (entry) => {
        if (entry.type === "File" && ++done % 50 === 0) progress(`Berkas / files: ${done}/${total}`);
      },
    });
    progress(`Berkas / files: ${total}/${total} (${mb(manifest.bytes)})`, true);
    // The backup's session secret came back with the files: use it for the migration step too.
    delete process.env.NEXTAUTH_SECRET;
    prepareRuntimeEnv();
    await migrate(); // a backup from an older version gets this version's migrations
    console.log(`Pemulihan selesai / restore complete: ${describeDatabase()}, ${dataDir()}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nPemulihan gagal / restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
