import { baseUrl, createE2eUser, E2E_PASSWORD, loginAs, sessionCookie, superAdmin, withBrowser } from "./helpers/app";

const browser = withBrowser();

it("a new user opens Beranda, logs in as the first Super Admin, sees its menus, switches to English and logs out", async () => {
  const page = await browser().newPage();
  await page.goto(baseUrl());
  expect(await page.locator("html").getAttribute("lang")).toBe("id");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Helpdesk Provinsi Banten");

  await page.getByRole("link", { name: "Login" }).click();
  await page.waitForURL(/\/login/);
  const { username, password } = superAdmin();
  await page.getByLabel("Username atau e-mail").fill(username);
  await page.getByLabel("Password").fill("password-yang-salah");
  await page.getByRole("button", { name: "Masuk" }).click();
  expect(await page.locator("form [role=alert]").textContent()).toBe("Username/e-mail atau password salah.");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl()}/dashboard`);
  const menu = page.getByRole("navigation", { name: "Menu utama" });
  expect(await menu.getByRole("link").allTextContents()).toEqual([
    "Dashboard", "Tiket", "Laporan", "Admin", "Staff", "Client", "FAQ", "Balasan Cepat", "Department", "OPD", "Setting", "Pesan Kontak", "Log Audit",
  ]);
  expect(await page.getByTestId("current-user").textContent()).toContain("Super Admin");

  await page.getByRole("button", { name: "en", exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  expect(await page.getByRole("navigation", { name: "Main menu" }).getByRole("link").allTextContents()).toEqual([
    "Dashboard", "Tickets", "Reports", "Admins", "Staff", "Clients", "FAQ", "Canned replies", "Departments", "Agencies", "Settings", "Contact messages", "Audit log",
  ]);

  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(`${baseUrl()}/`);
  expect(await page.getByRole("link", { name: "Login" }).count()).toBe(1);
  await page.goto(`${baseUrl()}/dashboard`);
  await page.waitForURL(/\/login/);
  await page.close();
});

it("a Client sees only Tiket and FAQ in the menu", async () => {
  const client = await createE2eUser("CLIENT");
  const page = await browser().newPage();
  await loginAs(page, client.username, E2E_PASSWORD);
  expect(await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link").allTextContents()).toEqual([
    "Dashboard", "Tiket", "FAQ",
  ]);
  await page.close();
});

describe("role × route over HTTP, with and without the middleware-bypass header", () => {
  const ROUTES: Record<string, string[]> = {
    "/dashboard": ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"],
    "/dashboard/tickets": ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"],
    "/dashboard/reports": ["SUPER_ADMIN", "ADMIN", "STAFF"],
    "/dashboard/admins": ["SUPER_ADMIN"],
    "/dashboard/staff": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/clients": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/faq": ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"],
    "/dashboard/departments": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/settings": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/agencies": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/audit": ["SUPER_ADMIN"],
    "/dashboard/inbox": ["SUPER_ADMIN", "ADMIN"],
    "/dashboard/profile": ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"],
    "/dashboard/notifications": ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"],
  };
  const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    for (const role of ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"] as const) {
      const user = await createE2eUser(role);
      cookies[role] = await sessionCookie(user.username, E2E_PASSWORD);
    }
  });

  async function get(path: string, headers: Record<string, string>) {
    const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual", headers });
    return { status: res.status, location: res.headers.get("location") ?? "", body: res.status === 200 ? await res.text() : "" };
  }

  it.each(Object.keys(ROUTES))("visitor on %s is sent to login", async (path) => {
    for (const headers of [{}, BYPASS]) {
      const res = await get(path, headers);
      expect(res.status).toBe(307);
      expect(res.location).toMatch(/\/login/);
    }
  });

  it.each(Object.entries(ROUTES))("%s opens only for %j", async (path, allowed) => {
    for (const role of ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"]) {
      const plain = await get(path, { cookie: cookies[role]! });
      const bypass = await get(path, { cookie: cookies[role]!, ...BYPASS });
      if (allowed.includes(role)) {
        expect([role, plain.status]).toEqual([role, 200]);
        expect([role, bypass.status]).toEqual([role, 200]);
      } else {
        // The middleware redirects; with the bypass header the page's own DAL check answers 404.
        expect([role, plain.status, plain.location.endsWith("/dashboard")]).toEqual([role, 307, true]);
        expect([role, [307, 404].includes(bypass.status), bypass.body]).toEqual([role, true, ""]);
      }
    }
  });
});
