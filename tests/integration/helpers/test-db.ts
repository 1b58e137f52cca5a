import fs from "node:fs";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { testPostgresUrl, withDatabase } from "./migrations";

type Opened = { prisma: PrismaClient; streamPool: pg.Pool | null; close: () => Promise<void> };
const g = globalThis as unknown as { __helpdeskPrisma?: PrismaClient; __helpdeskStreamPool?: pg.Pool | null; __helpdeskTestDb?: Opened };

/** A fresh database for this test file, copied from the migrated template. */
export async function openTestDatabase(): Promise<PrismaClient> {
  const url = testPostgresUrl();
  let opened: Opened;
  if (url) {
    const { Client } = await import("pg");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const name = `helpdesk_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE}`);
    await admin.end();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: withDatabase(url, name), max: 5 }) });
    const { createStreamPool } = await import("@/lib/db-adapter");
    const streamPool = createStreamPool(withDatabase(url, name));
    opened = {
      prisma,
      streamPool,
      close: async () => {
        await prisma.$disconnect();
        await streamPool?.end();
        const drop = new Client({ connectionString: url });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const template = fs.readFileSync(process.env.TEST_PGLITE_TEMPLATE!);
    const pglite = new PGlite({ loadDataDir: new Blob([template]) });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
    opened = {
      prisma,
      streamPool: null,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  g.__helpdeskPrisma = opened.prisma;
  g.__helpdeskStreamPool = opened.streamPool;
  g.__helpdeskTestDb = opened;
  return opened.prisma;
}

export async function closeTestDatabase(): Promise<void> {
  await g.__helpdeskTestDb?.close();
  g.__helpdeskTestDb = undefined;
  g.__helpdeskPrisma = undefined;
  g.__helpdeskStreamPool = undefined;
}

/** The database of the current test file. */
export function testDb(): PrismaClient {
  if (!g.__helpdeskPrisma) throw new Error("openTestDatabase() has not run");
  return g.__helpdeskPrisma;
}
