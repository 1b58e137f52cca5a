import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "../lib/generated/prisma/client";
import { closePglite, createAdapter } from "../lib/db-adapter";
import { bin, describeDatabase, prepareRuntimeEnv, run } from "./runtime-env";

async function pendingMigrations(): Promise<string[]> {
  const all = fs
    .readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const prisma = new PrismaClient({ adapter: createAdapter() });
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } catch {
    return all; // no migrations table yet: an empty database
  } finally {
    await prisma.$disconnect();
    await closePglite();
  }
}

/** Applies pending migrations with `prisma migrate deploy`; skips the CLI when there are none. */
export async function migrate({ force = false } = {}): Promise<void> {
  if (!force && (await pendingMigrations()).length === 0) return;
  console.log(`Menerapkan migrasi basis data ke ${describeDatabase()}…`);
  await run(bin("prisma"), ["migrate", "deploy"]);
}

if (require.main === module) {
  prepareRuntimeEnv();
  migrate({ force: true }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
