import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Failed logins allowed per window before a lock-out:
 * - perAccountIp: one account from one address — the limit a guesser meets first;
 * - perAccount: one account from anywhere — a ceiling for guessing from many addresses, high enough
 *   that a stranger cannot lock the real owner out by typing wrong passwords on purpose;
 * - perIp: one address across all accounts — stops spraying one password over many usernames.
 */
export const LOGIN_LIMITS = { perAccountIp: 5, perAccount: 50, perIp: 20, windowSeconds: 15 * 60 } as const;

type Limiters = { accountIp: RateLimiterPrisma; account: RateLimiterPrisma; ip: RateLimiterPrisma };
const cache = new WeakMap<object, Limiters>();

function limiters(): Limiters {
  const client = db();
  let found = cache.get(client);
  if (!found) {
    const common = { storeClient: client, tableName: "rateLimiterFlexible", duration: LOGIN_LIMITS.windowSeconds };
    found = {
      accountIp: new RateLimiterPrisma({ ...common, keyPrefix: "login-account-ip", points: LOGIN_LIMITS.perAccountIp }),
      account: new RateLimiterPrisma({ ...common, keyPrefix: "login-account", points: LOGIN_LIMITS.perAccount }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "login-ip", points: LOGIN_LIMITS.perIp }),
    };
    cache.set(client, found);
  }
  return found;
}

const keys = (account: string, ip: string) => ({ accountIp: `${account}|${ip}`, account, ip });

/** Milliseconds until a new attempt is allowed, or 0 when it is allowed now. */
export async function loginLockedFor(account: string, ip: string): Promise<number> {
  const l = limiters();
  const k = keys(account, ip);
  const [ai, a, i] = await Promise.all([l.accountIp.get(k.accountIp), l.account.get(k.account), l.ip.get(k.ip)]);
  let wait = 0;
  if (ai && ai.consumedPoints >= LOGIN_LIMITS.perAccountIp) wait = Math.max(wait, ai.msBeforeNext);
  if (a && a.consumedPoints >= LOGIN_LIMITS.perAccount) wait = Math.max(wait, a.msBeforeNext);
  if (i && i.consumedPoints >= LOGIN_LIMITS.perIp) wait = Math.max(wait, i.msBeforeNext);
  return wait;
}

export async function recordLoginFailure(account: string, ip: string): Promise<void> {
  const l = limiters();
  const k = keys(account, ip);
  // consume() rejects once the limit is passed; the attempt is still counted, which is all we need.
  await Promise.allSettled([l.accountIp.consume(k.accountIp), l.account.consume(k.account), l.ip.consume(k.ip)]);
}

/** After a successful login: this address starts afresh for this account. */
export async function clearAccountFailures(account: string, ip: string): Promise<void> {
  await limiters().accountIp.delete(keys(account, ip).accountIp);
}
