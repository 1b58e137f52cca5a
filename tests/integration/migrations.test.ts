import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { testPostgresUrl, withDatabase } from "./helpers/migrations";

const exec = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const migrationNames = fs
  .readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** `npm run db:migrate` exactly as an operator runs it. */
async function dbMigrate(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return exec("npx", ["tsx", "scripts/migrate.ts"], { cwd: root, env: { ...base, ...env }, timeout: 120_000 });
}

async function appliedMigrations(query: (sql: string) => Promise<{ rows: unknown[] }>) {
  const { rows } = await query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
  return (rows as { migration_name: string }[]).map((r) => r.migration_name);
}

it("db:migrate applies every migration to an empty PGlite data folder", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-migrate-"));
  try {
    const { stdout } = await dbMigrate({ HELPDESK_DATA_DIR: dataDir });
    expect(stdout).toMatch(/successfully applied/i);
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(path.join(dataDir, "pglite"));
    expect(await appliedMigrations((sql) => db.query(sql))).toEqual([...migrationNames].sort());
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'User'`);
    expect(rows).toEqual([{ n: 1 }]);
    await db.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);

const postgres = testPostgresUrl();
if (postgres) {
  it("db:migrate applies every migration to an empty PostgreSQL database", async () => {
    const { Client } = await import("pg");
    const name = `helpdesk_migrate_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: postgres });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const { stdout } = await dbMigrate({ DATABASE_URL: withDatabase(postgres, name) });
      expect(stdout).toMatch(/successfully applied/i);
      const db = new Client({ connectionString: withDatabase(postgres, name) });
      await db.connect();
      expect(await appliedMigrations((sql) => db.query(sql))).toEqual([...migrationNames].sort());
      await db.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
}
