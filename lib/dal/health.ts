import "server-only";
import { db } from "@/lib/db";

/** Under a load balancer's usual 2 s probe timeout, whatever the database does. */
export const HEALTH_TIMEOUT_MS = 1500;

/**
 * True when a trivial query answers within HEALTH_TIMEOUT_MS through the app's own pool — the
 * path every request takes, so an instance whose pool cannot serve reports itself down.
 */
export async function databaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  const probe = db()
    .$queryRaw`SELECT 1`
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
