import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { createAdapter } from "./db-adapter";

const globalForPrisma = globalThis as unknown as { __helpdeskPrisma?: PrismaClient };

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

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
