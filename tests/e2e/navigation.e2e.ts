import type { Browser, Page } from "playwright-core";
import { baseUrl, closeE2eDb, createE2eUser, e2eDb, E2E_PASSWORD, launchBrowser, loginAs, ticketListShown, ticketShown } from "./helpers/app";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeE2eDb();
});

async function signedIn(username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

/** A mark on the document: it survives client-side navigations and is gone after any document load. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: string }).__sameDocument = "dashboard-walk"));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: string }).__sameDocument);

/** Clicks a sidebar menu entry and waits for its page. */
async function menu(page: Page, name: string, path: RegExp) {
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name, exact: true }).click();
  await page.waitForURL(path);
}

/** Counts document (not data) requests the page makes from now on. */
function documentLoads(page: Page): () => string[] {
  const loads: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") loads.push(r.url());
  });
  return () => loads;
}

async function walk(page: Page, subject: string, fourth: { menu: string; path: RegExp; heading: string }) {
  // Start from the list opened as a document (a bookmark, a link in an e-mail), then only click.
  await page.goto(`${baseUrl()}/dashboard/tickets`);
  await ticketListShown(page);
  await markDocument(page);
  await menu(page, "Dashboard", /\/dashboard$/);
  const loads = documentLoads(page);
  const header = page.getByTestId("current-user");
  const headerHandle = await header.elementHandle();

  await menu(page, "Tiket", /\/dashboard\/tickets$/);
  await ticketListShown(page);
  await page.locator("tr", { hasText: subject }).first().waitFor();
  const row = page.locator("tr", { hasText: subject }).first();
  await row.getByRole("link").first().click();
  await page.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(page);
  await page.getByRole("heading", { name: subject }).waitFor();

  await menu(page, fourth.menu, fourth.path);
  await page.getByRole("heading", { name: fourth.heading, level: 1 }).first().waitFor();

  await menu(page, "Tiket", /\/dashboard\/tickets$/);
  await ticketListShown(page);
  await page.locator("tr", { hasText: subject }).first().waitFor();

  // The same document all along: the mark is still there, no document was requested, and the
  // header element is the one that was on screen at the start.
  expect(await sameDocument(page)).toBe("dashboard-walk");
  expect(loads()).toEqual([]);
  expect(await headerHandle!.evaluate((el) => el.isConnected)).toBe(true);
}

it("a client walks Dashboard → Tiket → a ticket → FAQ → Tiket without a document reload", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Navigasi ${Date.now()}` } });
  const client = await createE2eUser("CLIENT");
  const page = await signedIn(client.username);
  await page.goto(`${baseUrl()}/dashboard/tickets/new`);
  await page.getByLabel("Department").selectOption(dept.id);
  const subject = `Jalan-jalan klien ${Date.now()}`;
  await page.getByLabel("Subjek").fill(subject);
  await page.getByLabel("Deskripsi").fill("Menu tetap di tempat");
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets\/HD-/);
  await walk(page, subject, { menu: "FAQ", path: /\/dashboard\/faq$/, heading: "Semua Pertanyaan" });
});

it("staff walk Dashboard → Tiket → a ticket → Laporan → Tiket without a document reload", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Navigasi staf ${Date.now()}` } });
  const client = await createE2eUser("CLIENT");
  const staff = await createE2eUser("STAFF", { departmentId: dept.id });
  const subject = `Jalan-jalan staf ${Date.now()}`;
  const clientPage = await signedIn(client.username);
  await clientPage.goto(`${baseUrl()}/dashboard/tickets/new`);
  await clientPage.getByLabel("Department").selectOption(dept.id);
  await clientPage.getByLabel("Subjek").fill(subject);
  await clientPage.getByLabel("Deskripsi").fill("Untuk staf");
  await clientPage.getByRole("button", { name: "Kirim", exact: true }).click();
  await clientPage.waitForURL(/\/dashboard\/tickets\/HD-/);

  const page = await signedIn(staff.username);
  await walk(page, subject, { menu: "Laporan", path: /\/dashboard\/reports/, heading: "Laporan" });
});
