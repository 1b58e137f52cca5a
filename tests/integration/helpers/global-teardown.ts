import fs from "node:fs";
import path from "node:path";
import { testPostgresUrl } from "./migrations";

export default async function globalTeardown(): Promise<void> {
  const url = testPostgresUrl();
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (url && template) {
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  }
  const file = process.env.TEST_PGLITE_TEMPLATE;
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
