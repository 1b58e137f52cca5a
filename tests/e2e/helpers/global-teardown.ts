import fs from "node:fs";

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.E2E_SERVER_PID);
  if (pid) {
    try {
      process.kill(-pid, "SIGTERM"); // the whole group: npx → tsx → next
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (process.env.E2E_SERVER_URL && process.env.E2E_DB_NAME) {
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: process.env.E2E_SERVER_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.E2E_DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
  if (process.env.E2E_DATA_DIR && !process.env.E2E_KEEP_LOGS) fs.rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
