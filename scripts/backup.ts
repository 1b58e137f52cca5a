import fs from "node:fs";
import path from "node:path";
import { prepareRuntimeEnv, describeDatabase } from "./runtime-env";
import { closePglite, openPglite } from "../lib/db-adapter";
import { dataDir } from "../lib/runtime-paths";
import { ARCHIVE_VERSION, dataFiles, databaseKind, mb, migrationNames, pgTool, progress, runTool, tar, tempDir, type Manifest } from "./backup-lib";

/**
 * `npm run backup [-- --out FILE]`: one archive with the database and the data folder.
 * PostgreSQL may keep serving meanwhile (pg_dump reads one consistent snapshot). The embedded
 * database belongs to one process: stop the app first.
 */
async function main() {
  prepareRuntimeEnv();
  const outArg = process.argv.indexOf("--out");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace("T", "_").slice(0, 19);
  const out = path.resolve(outArg > 0 ? process.argv[outArg + 1]! : path.join("backups", `helpdesk-${stamp}.tar.gz`));
  fs.mkdirSync(path.dirname(out), { recursive: true });

  const kind = databaseKind();
  const work = tempDir("helpdesk-backup-");
  try {
    fs.mkdirSync(path.join(work, "database"));
    progress(`Mencadangkan basis data / backing up the database: ${describeDatabase()}…`);
    if (kind === "postgresql") {
      await runTool(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${path.join(work, "database", "postgres.dump")}`, process.env.DATABASE_URL!]);
    } else {
      const db = openPglite();
      await db.waitReady;
      const dump = await db.dumpDataDir("gzip");
      fs.writeFileSync(path.join(work, "database", "pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()));
      await closePglite();
    }
    const dbFile = fs.readdirSync(path.join(work, "database"))[0]!;
    const dbBytes = fs.statSync(path.join(work, "database", dbFile)).size;
    progress(`Basis data / database: ${mb(dbBytes)}`, true);

    const files = dataFiles();
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dataDir(), f)).size, 0);
    const manifest: Manifest = {
      format: "helpdesk-backup",
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      database: kind,
      migrations: migrationNames(),
      files: files.length,
      bytes,
    };
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    // One root for the archive: the data folder is linked in (only its listed files are read).
    fs.symlinkSync(dataDir(), path.join(work, "data"), "dir");

    // Stream the archive; the progress line counts the data folder's files as they go in.
    let done = 0;
    const partial = `${out}.partial`;
    await tar.create(
      {
        gzip: true,
        file: partial,
        cwd: work,
        portable: true,
        onWriteEntry: (entry) => {
          if (entry.path.startsWith("data/") && entry.type === "File") {
            done++;
            if (done % 50 === 0 && done < files.length) progress(`Berkas / files: ${done}/${files.length} (${mb(bytes)})`);
          }
        },
      },
      ["manifest.json", `database/${dbFile}`, ...files.map((f) => `data/${f}`)],
    ).catch(async (error) => {
      fs.rmSync(partial, { force: true });
      throw error;
    });
    fs.renameSync(partial, out);
    fs.chmodSync(out, 0o600); // it holds the session secret and every attachment
    progress(`Berkas / files: ${files.length}/${files.length} (${mb(bytes)})`, true);
    console.log(`Cadangan selesai / backup written: ${out} (${mb(fs.statSync(out).size)})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nCadangan gagal / backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
