import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { isPostgresUrl, pgliteDir } from "./runtime-paths";
import { isDatabaseUnavailable } from "./db-errors";

type AdapterFactory = PrismaPg;
type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTx = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

const envMs = (name: string, fallback: number) => Math.max(0, Number(process.env[name]) || fallback);

/** Pool settings that keep every wait bounded: no request queues forever for a connection. */
export function appPoolConfig(url: string): pg.PoolConfig {
  return {
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    // A request waits at most this long for a free connection or a new one, then fails (→ 503).
    connectionTimeoutMillis: envMs("DATABASE_CONNECT_TIMEOUT_MS", 3000),
    // A query on a connection that went silent (server gone without closing the socket) gives up.
    query_timeout: envMs("DATABASE_QUERY_TIMEOUT_MS", 30_000),
    keepAlive: true,
    idleTimeoutMillis: 10_000,
  };
}

/** How many downloads per app instance may stream from PostgreSQL at once (each holds a connection throughout). */
export const STREAM_CONNECTIONS = 2;

/**
 * The pool for long streamed reads (an export's COPY): its own few connections, so downloads never
 * hold the ones pages and actions wait for, and no query timeout, since a COPY lasts as long as the
 * download does.
 */
export function streamPoolConfig(url: string): pg.PoolConfig {
  const { query_timeout: _none, ...config } = appPoolConfig(url);
  return { ...config, max: STREAM_CONNECTIONS };
}

/** A stream pool on PostgreSQL; null on the embedded PGlite (no COPY over the wire there). */
export function createStreamPool(url = process.env.DATABASE_URL): pg.Pool | null {
  if (!isPostgresUrl(url)) return null;
  const pool = new pg.Pool(streamPoolConfig(url));
  // An idle connection that dies is dropped by the pool and replaced on the next connect; without a
  // listener its error would end the process.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * @prisma/adapter-pg 6.19 leaks a pooled connection when a transaction's COMMIT or ROLLBACK fails
 * (the connection died under it): Prisma's transaction manager sends the statement first and calls
 * the adapter's commit()/rollback() — the only place the connection goes back to the pool — only
 * when it succeeded. After `max` such failures the pool is empty for good and, without a wait
 * timeout, every request queues forever (as after a PostgreSQL restart). Here a transaction whose statement fails on a broken connection hands that
 * connection back as broken (the pool destroys it and opens a fresh one), exactly once.
 */
class RecoveringPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => guardTransaction(await start(isolationLevel));
    return adapter;
  }
}

function guardTransaction(tx: PgTx): PgTx {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the transaction's pooled client and cleanup are not public
  const internals = tx as any;
  const conn = internals.client as pg.PoolClient;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    internals.cleanup?.();
    conn.release(error);
  };
  const guard = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        // Broken connection (or a statement that can no longer end the transaction): destroy it.
        const sql = (args[0] as { sql?: string } | undefined)?.sql ?? "";
        if (isDatabaseUnavailable(error) || /^(COMMIT|ROLLBACK)$/i.test(sql.trim())) {
          release(error instanceof Error ? error : new Error(String(error)));
        }
        throw error;
      }
    };
  tx.executeRaw = guard(tx.executeRaw.bind(tx));
  tx.queryRaw = guard(tx.queryRaw.bind(tx));
  tx.commit = async () => release();
  tx.rollback = async () => release();
  return tx;
}

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
    return new RecoveringPg(new pg.Pool(appPoolConfig(url)), { disposeExternalPool: true });
  }
  // pglite-prisma-adapter is typed against an older driver-adapter-utils than Prisma 6.19 expects.
  return new PrismaPGlite(openPglite()) as never;
}
