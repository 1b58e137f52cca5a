import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Page } from "playwright-core";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export const baseUrl = () => process.env.E2E_BASE_URL!;
export const superAdmin = () => ({ username: process.env.E2E_ADMIN_USERNAME!, password: process.env.E2E_ADMIN_PASSWORD! });

/** Debian's Chromium, never a downloaded browser. Flags keep it off the (closed) network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * One Chromium per test file, launched before its tests and closed after them (with the database
 * client). Call it at the top of the file; the function it returns gives the browser inside a test.
 */
export function withBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await closeE2eDb();
  });
  return () => {
    if (!browser) throw new Error("withBrowser: the browser is launched in beforeAll; use it inside a test");
    return browser;
  };
}

let prisma: PrismaClient | undefined;
/** Direct access to the app's database, to prepare data a test is not about. */
export function e2eDb(): PrismaClient {
  prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.E2E_DB_URL!, max: 2 }) });
  return prisma;
}

export async function closeE2eDb(): Promise<void> {
  await prisma?.$disconnect();
  prisma = undefined;
}

export const E2E_PASSWORD = "Sandi-Uji-E2E-2026";

export async function createE2eUser(role: Role, extra: { name?: string; departmentId?: string; agencyId?: string } = {}) {
  const suffix = randomBytes(4).toString("hex");
  return e2eDb().user.create({
    data: {
      name: extra.name ?? `${role} ${suffix}`,
      username: `${role.toLowerCase()}-${suffix}`,
      email: `${role.toLowerCase()}-${suffix}@e2e.bantenprov.go.id`,
      role,
      passwordHash: await hashPassword(E2E_PASSWORD),
      departmentId: extra.departmentId ?? null,
      agencyId: extra.agencyId ?? null,
    },
  });
}

/** Logs in through the real login form. */
export async function loginAs(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel(/Username/).fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /^(Masuk|Log in)$/ }).click();
  await page.waitForURL(/\/dashboard/);
}

/** A session cookie obtained over HTTP, as a browser would get it (for request-level tests). */
export async function sessionCookie(identifier: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = (csrfRes.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
  });
  const session = (res.headers.getSetCookie() ?? []).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed for ${identifier}: ${res.status}`);
  return session.split(";")[0]!;
}

/**
 * Waits until the ticket list shows the view of the current address: rendered with the page, and
 * fetched from /api/tickets/list after every tab, filter or page change.
 */
export async function ticketListShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid="ticket-list"]');
    const canonical = (q: string) => [...new URLSearchParams(q)].filter(([, v]) => v !== "").map(([k, v]) => `${k}=${v}`).sort().join("&");
    const shown = list?.getAttribute("data-query");
    return shown != null && list!.hasAttribute("data-hydrated") && list!.getAttribute("aria-busy") === "false" && canonical(shown) === canonical(location.search);
  });
}

/** Waits until the ticket page shows the ticket of the current address and its forms work (hydrated). */
export async function ticketShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = document.querySelector('[data-testid="ticket-page"]');
    return !!shown && shown.hasAttribute("data-hydrated") && shown.getAttribute("data-number") === decodeURIComponent(location.pathname.split("/").pop() ?? "");
  });
}
