import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationSql, testPostgresUrl, withDatabase } from "./migrations";

/**
 * Migrates one template database per run: a PGlite data dump (default) or, with
 * TEST_DATABASE_URL, a PostgreSQL template database. Each test file starts from a copy of it.
 */
export default async function globalSetup(): Promise<void> {
  const url = testPostgresUrl();
  if (url) {
    const { Client } = await import("pg");
    const name = `helpdesk_tpl_${process.pid}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const tpl = new Client({ connectionString: withDatabase(url, name) });
    await tpl.connect();
    for (const sql of migrationSql()) await tpl.query(sql);
    await tpl.end();
    process.env.TEST_TEMPLATE_DATABASE = name;
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite();
  for (const sql of migrationSql()) await db.exec(sql);
  const dump = await db.dumpDataDir("none");
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-tpl-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.TEST_PGLITE_TEMPLATE = file;
}
