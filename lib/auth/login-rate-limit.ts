import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/** Failed logins allowed per account and per IP address before a lock-out of WINDOW_SECONDS. */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 20, windowSeconds: 15 * 60 } as const;

type Limiters = { account: RateLimiterPrisma; ip: RateLimiterPrisma };
const cache = new WeakMap<object, Limiters>();

function limiters(): Limiters {
  const client = db();
  let found = cache.get(client);
  if (!found) {
    const common = {
      storeClient: client,
      tableName: "rateLimiterFlexible",
      duration: LOGIN_LIMITS.windowSeconds,
      clearExpiredByTimeout: false,
    };
    found = {
      account: new RateLimiterPrisma({ ...common, keyPrefix: "login-account", points: LOGIN_LIMITS.perAccount }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "login-ip", points: LOGIN_LIMITS.perIp }),
    };
    cache.set(client, found);
  }
  return found;
}

/** Milliseconds until a new attempt is allowed, or 0 when it is allowed now. */
export async function loginLockedFor(account: string, ip: string): Promise<number> {
  const { account: byAccount, ip: byIp } = limiters();
  const [a, i] = await Promise.all([byAccount.get(account), byIp.get(ip)]);
  let wait = 0;
  if (a && a.consumedPoints >= LOGIN_LIMITS.perAccount) wait = Math.max(wait, a.msBeforeNext);
  if (i && i.consumedPoints >= LOGIN_LIMITS.perIp) wait = Math.max(wait, i.msBeforeNext);
  return wait;
}

export async function recordLoginFailure(account: string, ip: string): Promise<void> {
  const { account: byAccount, ip: byIp } = limiters();
  // consume() rejects once the limit is passed; the attempt is still counted, which is all we need.
  await Promise.allSettled([byAccount.consume(account), byIp.consume(ip)]);
}

export async function clearAccountFailures(account: string): Promise<void> {
  await limiters().account.delete(account);
}
