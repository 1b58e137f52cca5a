import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { isPostgresUrl, pgliteDir } from "./runtime-paths";

type AdapterFactory = PrismaPg;

/**
 * Works around prisma/orm#27403: the migration engine cannot deserialise PostgreSQL's `name`
 * type (OID 19) that catalogue queries return, so report it as `text` (OID 25). Only used for
 * migrations; the app's own queries never select `name` columns.
 */
class NameAsTextPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloaded query() signature cannot be re-declared precisely
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) if (field.dataTypeID === 19) field.dataTypeID = 25;
        return res;
      });
    }
    return result;
  }
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks
 * PL/pgSQL function bodies (our sessionVersion trigger). PostgreSQL's simple query protocol runs
 * a whole multi-statement script in one call, inside one implicit transaction, so send it whole.
 */
class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the adapter's pool and error mapper are not public
    const internals = adapter as any;
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  }
}

const globalForPglite = globalThis as unknown as { __helpdeskPglite?: Map<string, PGlite> };

/** One PGlite per folder per process: PGlite must never be opened twice. */
export function openPglite(dir = pgliteDir()): PGlite {
  globalForPglite.__helpdeskPglite ??= new Map();
  let db = globalForPglite.__helpdeskPglite.get(dir);
  if (!db) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    db = new PGlite(dir);
    globalForPglite.__helpdeskPglite.set(dir, db);
  }
  return db;
}

export async function closePglite(dir = pgliteDir()): Promise<void> {
  const db = globalForPglite.__helpdeskPglite?.get(dir);
  if (db) {
    globalForPglite.__helpdeskPglite!.delete(dir);
    await db.close();
  }
}

/** PostgreSQL when DATABASE_URL is a postgres URL, otherwise the embedded PGlite folder. */
export function createAdapter(options: { forMigrations?: boolean; url?: string } = {}): AdapterFactory {
  const url = options.url ?? process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    if (options.forMigrations) return new MigrationPg(new NameAsTextPool({ connectionString: url, max: 2, idleTimeoutMillis: 200 }));
    return new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
    });
  }
  // pglite-prisma-adapter is typed against an older driver-adapter-utils (DESIGN.md §2).
  return new PrismaPGlite(openPglite()) as never;
}
