import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/** Contact messages allowed per IP address per window. */
export const CONTACT_LIMIT = { points: 5, windowSeconds: 10 * 60 } as const;

const cache = new WeakMap<object, { perIp: RateLimiterPrisma; tokens: RateLimiterPrisma }>();

function limiters() {
  const client = db();
  let found = cache.get(client);
  if (!found) {
    const common = { storeClient: client, tableName: "rateLimiterFlexible" };
    found = {
      perIp: new RateLimiterPrisma({ ...common, keyPrefix: "contact-ip", points: CONTACT_LIMIT.points, duration: CONTACT_LIMIT.windowSeconds }),
      // A captcha token is good for one message: remember used ones for longer than Google's 2-minute validity.
      tokens: new RateLimiterPrisma({ ...common, keyPrefix: "captcha-token", points: 1, duration: 15 * 60 }),
    };
    cache.set(client, found);
  }
  return found;
}

/** Counts this submission; false once the IP is over its limit. */
export async function takeContactSlot(ip: string): Promise<boolean> {
  try {
    await limiters().perIp.consume(ip);
    return true;
  } catch (error) {
    if (error instanceof Error) throw error; // a store failure, not a limit
    return false;
  }
}

/** True the first time a captcha token is seen, false for a replay. */
export async function firstUseOfCaptchaToken(token: string): Promise<boolean> {
  const key = createHash("sha256").update(token).digest("hex");
  try {
    await limiters().tokens.consume(key);
    return true;
  } catch (error) {
    if (error instanceof Error) throw error;
    return false;
  }
}
