import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { testPostgresUrl, withDatabase } from "./helpers/migrations";

/**
 * `npm run backup` / `npm run restore` exactly as an operator runs them, on the database this
 * test run uses (embedded PGlite under `npm test`, PostgreSQL when TEST_DATABASE_URL is set —
 * .ci/run does both): a populated installation goes into one archive and comes back whole
 * into an empty one.
 */

const exec = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const pgUrl = testPostgresUrl();
const PASSWORD = "Sandi-Cadangan-2026";

type Install = { env: NodeJS.ProcessEnv; dataDir: string; open: () => Promise<{ prisma: PrismaClient; close: () => Promise<void> }>; drop: () => Promise<void> };

async function newInstall(migrated: boolean): Promise<Install> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-backup-test-"));
  const { DATABASE_URL: _ignored, NEXTAUTH_SECRET: _secret, ...base } = process.env;
  if (pgUrl) {
    const { Client } = await import("pg");
    const name = `helpdesk_backup_${randomBytes(5).toString("hex")}`;
    const admin = new Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(pgUrl, name);
    const env = { ...base, DATABASE_URL: url, HELPDESK_DATA_DIR: dataDir };
    // Migrated the way an installation is (with Prisma's migration table), not from the test template.
    if (migrated) await exec("npx", ["tsx", "scripts/migrate.ts"], { cwd: root, env, timeout: 120_000 });
    return {
      dataDir,
      env,
      open: async () => {
        const { PrismaPg } = await import("@prisma/adapter-pg");
        const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
        return { prisma, close: () => prisma.$disconnect() };
      },
      drop: async () => {
        const c = new Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const install: Install = {
    dataDir,
    env: { ...base, HELPDESK_DATA_DIR: dataDir },
    open: async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      const pglite = new PGlite(path.join(dataDir, "pglite"));
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
      return { prisma, close: async () => { await prisma.$disconnect(); await pglite.close(); } };
    },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
  if (migrated) await exec("npx", ["tsx", "scripts/migrate.ts"], { cwd: root, env: install.env, timeout: 120_000 });
  return install;
}

const run = (script: "backup" | "restore", args: string[], env: NodeJS.ProcessEnv) =>
  exec("npx", ["tsx", `scripts/${script}.ts`, ...args], { cwd: root, env, timeout: 180_000 });

let source: Install;
let target: Install;
const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-archive-"));
const archive = path.join(archiveDir, "cadangan.tar.gz");
const attachmentBytes = randomBytes(200_000);
const avatarBytes = randomBytes(5_000);

beforeAll(async () => {
  source = await newInstall(true);
  target = await newInstall(false);
  const { prisma, close } = await source.open();
  try {
    const agency = await prisma.agency.create({ data: { name: "Dinas Cadangan" } });
    const department = await prisma.department.create({ data: { name: "Jaringan Cadangan" } });
    const user = await prisma.user.create({
      data: { name: "Klien Cadangan", username: "klien-cadangan", email: "klien@cadangan.go.id", role: "CLIENT", agencyId: agency.id, avatar: "avatar-1.webp", passwordHash: await hashPassword(PASSWORD) },
    });
    const ticket = await prisma.ticket.create({
      data: { number: "HD-CAD-000001", subject: "Internet putus di lantai 2", description: "Sejak pagi.", departmentId: department.id, clientId: user.id, createdById: user.id, agencyId: agency.id },
    });
    const key = randomBytes(16).toString("hex");
    fs.mkdirSync(path.join(source.dataDir, "attachments", key.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(source.dataDir, "attachments", key.slice(0, 2), key), attachmentBytes);
    fs.mkdirSync(path.join(source.dataDir, "avatars"), { recursive: true });
    fs.writeFileSync(path.join(source.dataDir, "avatars", "avatar-1.webp"), avatarBytes);
    fs.writeFileSync(path.join(source.dataDir, "nextauth-secret"), "rahasia-sesi-instalasi-asal-0123456789");
    await prisma.attachment.create({
      data: { ticketId: ticket.id, uploaderId: user.id, fileName: "topologi.pdf", contentType: "application/pdf", size: attachmentBytes.length, driver: "local", storageKey: key },
    });
  } finally {
    await close();
  }
}, 180_000);

afterAll(async () => {
  await source?.drop();
  await target?.drop();
  fs.rmSync(archiveDir, { recursive: true, force: true });
});

it("npm run backup writes one archive with a progress line; npm run restore brings it back into an empty installation", async () => {
  const backup = await run("backup", ["--out", archive], source.env);
  expect(backup.stdout).toMatch(/files: 3\/3/);
  expect(backup.stdout).toMatch(/backup written/);
  expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

  const restore = await run("restore", [archive], target.env);
  expect(restore.stdout).toMatch(/restore complete/);

  const { prisma, close } = await target.open();
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "klien-cadangan" } });
    // The user can still log in: the same password hash, and the same session secret.
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(fs.readFileSync(path.join(target.dataDir, "nextauth-secret"), "utf8")).toBe("rahasia-sesi-instalasi-asal-0123456789");
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { number: "HD-CAD-000001" }, include: { attachments: true } });
    expect(ticket.subject).toBe("Internet putus di lantai 2");
    const [att] = ticket.attachments;
    const stored = fs.readFileSync(path.join(target.dataDir, "attachments", att!.storageKey.slice(0, 2), att!.storageKey));
    expect(stored.equals(attachmentBytes)).toBe(true);
    expect(fs.readFileSync(path.join(target.dataDir, "avatars", "avatar-1.webp")).equals(avatarBytes)).toBe(true);
    // The migration history came along: nothing left to apply.
    const applied = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(applied[0]!.n).toBe(fs.readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).length);
  } finally {
    await close();
  }
}, 300_000);

it("refuses to overwrite a non-empty installation without --force, and replaces it with --force", async () => {
  // The target now holds data (restored above); add a row that is not in the backup.
  const before = await target.open();
  await before.prisma.agency.create({ data: { name: "Hanya di target" } });
  await before.close();

  await expect(run("restore", [archive], target.env)).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty.*--force/s) });
  const unchanged = await target.open();
  expect(await unchanged.prisma.agency.count({ where: { name: "Hanya di target" } })).toBe(1);
  await unchanged.close();

  await run("restore", [archive, "--force"], target.env);
  const replaced = await target.open();
  try {
    expect(await replaced.prisma.agency.count({ where: { name: "Hanya di target" } })).toBe(0);
    expect(await replaced.prisma.user.count({ where: { username: "klien-cadangan" } })).toBe(1);
  } finally {
    await replaced.close();
  }
}, 300_000);
