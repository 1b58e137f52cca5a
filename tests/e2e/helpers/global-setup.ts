import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

/**
 * Starts the app the way an operator does — `npm start` (migrations, first Super Admin, build when
 * needed, next start) — against a fresh PostgreSQL database, so tests can also prepare data in it.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new Error("End-to-end tests need PostgreSQL: set E2E_DATABASE_URL (bash .ci/run starts one and sets it).");
  }
  const { Client } = await import("pg");
  const name = `helpdesk_e2e_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;

  const port = process.env.E2E_PORT || "3555";
  const smtpPort = process.env.E2E_SMTP_PORT || String(Number(port) + 1);
  const imapPort = process.env.E2E_IMAP_PORT || "4120";
  const baseUrl = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-e2e-"));
  const adminPassword = `E2e-${randomBytes(9).toString("base64url")}`;
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  const server = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: path.resolve(__dirname, "../../.."),
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl.toString(),
      PORT: port,
      HELPDESK_DATA_DIR: dataDir,
      HELPDESK_ADMIN_USERNAME: "superadmin",
      HELPDESK_ADMIN_EMAIL: "superadmin@bantenprov.go.id",
      HELPDESK_ADMIN_PASSWORD: adminPassword,
      NEXTAUTH_URL: baseUrl,
      // Mail through the test's own SMTP server and Dovecot (tests/e2e/mail.e2e.ts).
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: smtpPort,
      MAIL_FROM: "helpdesk@e2e.bantenprov.go.id",
      MAIL_POLL_SECONDS: "1",
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: imapPort,
      IMAP_SECURE: "false",
      IMAP_USER: "helpdesk",
      IMAP_PASSWORD: "helpdesk-imap",
      IMAP_POLL_SECONDS: "5",
    },
  });

  const deadline = Date.now() + 8 * 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited early:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }

  Object.assign(process.env, {
    E2E_BASE_URL: baseUrl,
    E2E_DB_URL: dbUrl.toString(),
    E2E_DB_NAME: name,
    E2E_SERVER_URL: serverUrl,
    E2E_SERVER_PID: String(server.pid),
    E2E_DATA_DIR: dataDir,
    E2E_ADMIN_USERNAME: "superadmin",
    E2E_ADMIN_PASSWORD: adminPassword,
    E2E_SMTP_PORT: smtpPort,
    E2E_IMAP_PORT: imapPort,
  });
}
