import "server-only";
import { pipeline, Transform, type Readable } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/db";

/**
 * Streams `COPY (query) TO STDOUT (FORMAT csv)` over a connection of `pool`, as CSV records ending in
 * CRLF. PostgreSQL sends rows as fast as they are read and no faster (pg-copy-streams pauses the
 * socket), so memory stays a few chunks whatever the size. The connection goes back to the pool when
 * the COPY has ended; when the stream is destroyed before (the download was aborted) or fails, its
 * socket is closed instead, which makes the server end the COPY. Null when every connection of the
 * pool is streaming already: the caller then takes another way rather than wait for one.
 */
export async function copyCsv(pool: pg.Pool, query: Prisma.Sql): Promise<Readable | null> {
  const client = await connectIfFree(pool);
  if (!client) return null;
  const copy = client.query(copyTo(`COPY (${inlineSql(query)}) TO STDOUT WITH (FORMAT csv)`));
  let ended = false;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.removeListener("error", onClientError);
    // With an error the pool ends the client, and pg destroys the socket of a client whose query still runs.
    client.release(error);
  };
  // A checked-out client's socket error has no other listener (the pool's is off while it is lent).
  const onClientError = (error: Error) => {
    copy.destroy(error);
    release(error);
  };
  client.on("error", onClientError);
  copy.once("end", () => (ended = true));
  copy.once("close", () => release(ended ? undefined : new Error("COPY stopped before its end")));
  // pg reports the closed socket to the query after it was destroyed; nobody is listening by then.
  copy.on("error", () => undefined);
  // pipeline: an error on either side ends both, and destroying the result (an aborted download) destroys the COPY.
  return pipeline(copy, crlfRecords(), () => undefined);
}

async function connectIfFree(pool: pg.Pool): Promise<pg.PoolClient | null> {
  if (pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10)) return null;
  try {
    return await pool.connect();
  } catch (error) {
    // Another download took the last connection between the check and the connect.
    if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message) && pool.totalCount > 0) return null;
    throw error;
  }
}

/**
 * PostgreSQL ends CSV records with LF; the downloads end them with CRLF. A LF inside a quoted field
 * stays as it is: quotes only open and close fields or come doubled inside one, so their parity says
 * whether a byte is inside a field (neither byte occurs inside a UTF-8 multi-byte character). Found
 * with indexOf (memchr): a loop over every byte cost about 1 s of CPU per million tickets.
 */
function crlfRecords(): Transform {
  let quoted = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const parts: Buffer[] = [];
      let start = 0;
      let at = 0;
      let quote = chunk.indexOf(0x22);
      for (;;) {
        if (quoted) {
          if (quote < 0) break;
          quoted = false;
          at = quote + 1;
          quote = chunk.indexOf(0x22, at);
          continue;
        }
        const lf = chunk.indexOf(0x0a, at);
        if (quote >= 0 && (lf < 0 || quote < lf)) {
          quoted = true;
          at = quote + 1;
          quote = chunk.indexOf(0x22, at);
          continue;
        }
        if (lf < 0) break;
        parts.push(chunk.subarray(start, lf), CRLF);
        start = at = lf + 1;
      }
      parts.push(chunk.subarray(start));
      done(null, Buffer.concat(parts));
    },
  });
}

const CRLF = Buffer.from("\r\n");

/**
 * `query` with its values written in as SQL literals, because COPY takes no bind parameters. Strings
 * are quoted by pg's escapeLiteral; a value is untyped either way, so PostgreSQL reads it as it reads a
 * bind parameter. Dates as the UTC wall-clock time the timestamp columns hold (as @prisma/adapter-pg
 * sends them).
 */
export function inlineSql(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index >= query.values.length) throw new Error(`inlineSql: no value for $${n}`);
    return literal(query.values[index]);
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `'${value.toISOString().replace("T", " ").replace("Z", "")}'`;
  throw new Error(`inlineSql: cannot write a ${typeof value} as a literal`);
}
