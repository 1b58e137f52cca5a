import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import type pg from "pg";
import { createAdapter, createStreamPool } from "./db-adapter";

const globalForPrisma = globalThis as unknown as { __helpdeskPrisma?: PrismaClient; __helpdeskStreamPool?: pg.Pool | null };

export function createPrismaClient(): PrismaClient {
  return new PrismaClient({ adapter: createAdapter() });
}

/**
 * The one PrismaClient of this process. Tests install their own (a fresh database per file)
 * on the same global before importing the code under test.
 */
export function db(): PrismaClient {
  globalForPrisma.__helpdeskPrisma ??= createPrismaClient();
  return globalForPrisma.__helpdeskPrisma;
}

/**
 * Connections for reads streamed for as long as a download lasts (the CSV export's COPY), beside
 * db()'s pool; null on PGlite. Tests install their own next to their PrismaClient.
 */
export function streamPool(): pg.Pool | null {
  if (globalForPrisma.__helpdeskStreamPool === undefined) globalForPrisma.__helpdeskStreamPool = createStreamPool();
  return globalForPrisma.__helpdeskStreamPool;
}

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
