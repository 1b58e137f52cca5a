import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Failed logins allowed per window before a lock-out. "Account" is the account's id when the typed
 * username or e-mail belongs to one (so both count together), else the typed text.
 * - perAccountIp: one account from one address — the limit a guesser meets first, always applied;
 * - perAccount: one account from anywhere — a ceiling for guessing from many addresses;
 * - perIp: one address across all accounts — stops spraying one password over many usernames,
 *   sized for an office behind one NAT address (hundreds of staff, some mistyping).
 * perAccount and perIp do not apply from a *known address* (one this account logged in from
 * before): strangers cannot keep the owner out, and one sprayer cannot lock a whole office out.
 */
export const LOGIN_LIMITS = { perAccountIp: 5, perAccount: 50, perIp: 100, windowSeconds: 15 * 60 } as const;

/** Why a login is refused: the limit that was met. */
export type LoginLock = { ms: number; limit: "accountIp" | "account" | "ip" } | null;

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

/** The lock that applies now (the longest wait), or null when an attempt is allowed. */
export async function loginLock(account: string, ip: string, options: { knownAddress?: boolean } = {}): Promise<LoginLock> {
  const l = limiters();
  const k = keys(account, ip);
  const [ai, a, i] = await Promise.all([
    l.accountIp.get(k.accountIp),
    options.knownAddress ? null : l.account.get(k.account),
    options.knownAddress ? null : l.ip.get(k.ip),
  ]);
  let lock: LoginLock = null;
  const consider = (res: typeof ai, points: number, limit: NonNullable<LoginLock>["limit"]) => {
    if (res && res.consumedPoints >= points && (!lock || res.msBeforeNext > lock.ms)) lock = { ms: res.msBeforeNext, limit };
  };
  consider(ai, LOGIN_LIMITS.perAccountIp, "accountIp");
  consider(a, LOGIN_LIMITS.perAccount, "account");
  consider(i, LOGIN_LIMITS.perIp, "ip");
  return lock;
}

/** Milliseconds until a new attempt is allowed, or 0 when it is allowed now. */
export async function loginLockedFor(account: string, ip: string, options: { knownAddress?: boolean } = {}): Promise<number> {
  return (await loginLock(account, ip, options))?.ms ?? 0;
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

/** The limiter key of an existing account: its id, so username and e-mail count together. */
export const accountKey = (userId: string) => `id:${userId}`;
/** The limiter key of typed text that names no account. */
export const unknownAccountKey = (identifier: string) => `name:${identifier}`;
