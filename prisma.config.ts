import { defineConfig } from "prisma/config";
import { createAdapter } from "./lib/db-adapter";

// Prisma 6 requires a datasource URL even when an adapter is used; it is never connected to.
process.env.PRISMA_PLACEHOLDER_URL ??= "postgresql://unused@localhost/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => createAdapter({ forMigrations: true }),
});
