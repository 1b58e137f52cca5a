import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { baseUrl, closeE2eDb, createE2eUser, e2eDb, E2E_PASSWORD, launchBrowser, loginAs, superAdmin, ticketListShown } from "./helpers/app";
import { seriousA11yViolations } from "./helpers/axe";

let browser: Browser;
const a11y: Record<string, string[]> = {};
async function checkA11y(page: Page, name: string) {
  const found = await seriousA11yViolations(page);
  if (found.length) a11y[name] = found;
}
const SHOTS = process.env.E2E_SCREENSHOTS; // a folder: screenshots for a human to look at

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeE2eDb();
});

async function pageFor(username: string, password = E2E_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await loginAs(page, username, password);
  return page;
}
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const suffix = Date.now().toString(36);
let w: {
  dept: { id: string; name: string };
  opd: { id: string; name: string };
  client: { username: string; id: string };
  staff: { username: string; id: string };
  admin: { username: string; id: string };
};

beforeAll(async () => {
  const dept = await e2eDb().department.create({ data: { name: `Aplikasi E2E ${suffix}` } });
  const opd = await e2eDb().agency.create({ data: { name: `Bappeda E2E ${suffix}` } });
  const client = await createE2eUser("CLIENT", { name: "Rina Klien", agencyId: opd.id });
  const staff = await createE2eUser("STAFF", { name: "Dodi Petugas", departmentId: dept.id });
  const admin = await createE2eUser("ADMIN", { name: "Wati Admin" });
  const now = Date.now();
  const base = { description: "Uraian", departmentId: dept.id, clientId: client.id, createdById: client.id, agencyId: opd.id };
  // Straight into the database: the triggers keep the report aggregates whatever the path.
  await e2eDb().ticket.createMany({
    data: [
      { ...base, number: `E2E-${suffix}-1`, subject: "SIMPEG tidak bisa login", status: "WAITING", assigneeId: staff.id, createdAt: new Date(now - 3 * 3600_000) },
      { ...base, number: `E2E-${suffix}-2`, subject: "Website dinas lambat", status: "OPEN", createdAt: new Date(now - 2 * 3600_000) },
      { ...base, number: `E2E-${suffix}-3`, subject: "Akun e-mail terkunci", status: "IN_PROGRESS", assigneeId: staff.id, createdAt: new Date(now - 3600_000) },
      {
        ...base,
        number: `E2E-${suffix}-4`,
        subject: "=SUM(1+1) pada formulir",
        status: "RESOLVED",
        assigneeId: staff.id,
        createdAt: new Date(now - 5 * 3600_000),
        resolvedAt: new Date(now - 60_000),
      },
      {
        ...base,
        number: `E2E-${suffix}-5`,
        subject: "Ganti kata sandi server",
        status: "CLOSED",
        assigneeId: staff.id,
        createdAt: new Date(now - 6 * 3600_000),
        resolvedAt: new Date(now - 4 * 3600_000),
        closedAt: new Date(now - 30 * 60_000),
        rating: 5,
        ratingComment: "Cepat dan ramah, terima kasih.",
        ratedAt: new Date(now - 20 * 60_000),
      },
    ],
  });
  w = { dept, opd, client, staff, admin };
});

it("Super Admin: the first-run checklist links each setup step and ticks what is done", async () => {
  const page = await pageFor(superAdmin().username, superAdmin().password);
  const list = page.getByTestId("setup-checklist");
  await list.waitFor();
  expect(await list.getByRole("link", { name: "Tambah department (unit yang menangani tiket)" }).getAttribute("href")).toBe("/dashboard/departments");
  expect(await list.getByRole("link", { name: "Unggah logo" }).getAttribute("href")).toBe("/dashboard/settings");
  // Departments exist now (this file made one): ticked; the logo was never uploaded: not yet.
  expect(await list.locator("li", { hasText: "Tambah department" }).textContent()).toContain("(Selesai)");
  expect(await list.locator("li", { hasText: "Unggah logo" }).textContent()).toContain("(Belum)");
  // The change-password page is linked from the user menu.
  expect(await page.getByTestId("change-password-link").getAttribute("href")).toBe("/dashboard/password");
  await checkA11y(page, "super admin dashboard");
  await shot(page, "dashboard-super-admin");
  await page.context().close();
});

it("Client: waiting-for-me first, open tickets, resolved awaiting a rating, and Buat Tiket", async () => {
  const page = await pageFor(w.client.username);
  await page.getByRole("heading", { name: "Menunggu jawaban Anda" }).waitFor();
  expect(await page.getByTestId("client-waiting").textContent()).toContain("SIMPEG tidak bisa login");
  const open = await page.getByTestId("client-open").textContent();
  expect(open).toContain("Tiket Anda yang masih berjalan (3)");
  expect(open).toContain("Website dinas lambat");
  expect(await page.getByTestId("client-to-rate").textContent()).toContain("=SUM(1+1) pada formulir");
  expect(await page.getByTestId("client-to-rate").textContent()).not.toContain("Ganti kata sandi server"); // already rated
  expect(await page.getByRole("link", { name: "Buat Tiket" }).getAttribute("href")).toBe("/dashboard/tickets/new");
  await checkA11y(page, "client dashboard");
  await shot(page, "dashboard-client");
  // Reports are not for clients: sent back to the dashboard (the page itself answers 404, see foundation.e2e.ts).
  await page.goto(`${baseUrl()}/dashboard/reports`);
  expect(new URL(page.url()).pathname).toBe("/dashboard");
  expect(await page.getByRole("link", { name: "Laporan" }).count()).toBe(0);
  expect((await page.request.get(`${baseUrl()}/api/reports/export?format=csv`)).status()).toBe(404);
  expect((await page.request.get(`${baseUrl()}/api/tickets/export?format=csv`)).status()).toBe(404);
  await page.context().close();
});

it("Staff: assigned to me, unassigned in my department, due-soon and overdue counts linking to the SLA views", async () => {
  const page = await pageFor(w.staff.username);
  await page.getByRole("heading", { name: "Ditugaskan kepada saya (2)" }).waitFor();
  expect(await page.getByRole("heading", { name: "Belum ditugaskan di department saya (1)" }).count()).toBe(1);
  expect(await page.getByRole("link", { name: new RegExp(`E2E-${suffix}-2`) }).count()).toBe(1);
  expect(await page.getByTestId("staff-overdue").getAttribute("href")).toBe("/dashboard/tickets?sla=overdue&sort=due");
  expect(await page.getByTestId("staff-due-soon").textContent()).toMatch(/Segera jatuh tempo\d+/);
  await checkA11y(page, "staff dashboard");
  await shot(page, "dashboard-staff");

  // The ticket list exports what the list shows them (their department's tickets), filtered as on screen.
  await page.goto(`${baseUrl()}/dashboard/tickets?status=OPEN`);
  await ticketListShown(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tickets-export-csv").click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`E2E-${suffix}-2`);
  expect(csv).not.toContain(`E2E-${suffix}-1`); // Waiting, not Open

  await page.goto(`${baseUrl()}/dashboard/reports?preset=thisMonth&groupBy=priority`);
  expect(await page.getByTestId("report-period").textContent()).toContain(`Department ${w.dept.name}`);
  await checkA11y(page, "staff report");
  await page.context().close();
});

it("Admin: counts by status link to the filtered list; the 30-day chart has a table twin", async () => {
  const page = await pageFor(w.admin.username);
  const waiting = page.getByTestId("open-WAITING");
  expect(Number(await waiting.locator("span").nth(1).textContent())).toBeGreaterThanOrEqual(1);
  await page.locator(".recharts-surface").first().waitFor();
  await checkA11y(page, "admin dashboard");
  await shot(page, "dashboard-admin");
  await waiting.click();
  await page.waitForURL(/\/dashboard\/tickets\?status=WAITING$/);
  await page.getByRole("link", { name: new RegExp(`E2E-${suffix}-1`) }).waitFor();
  await page.context().close();
});

it("Admin report: grouped by department with charts and tables, printable, exports as CSV; bad dates are explained", async () => {
  const page = await pageFor(w.admin.username);
  await page.goto(`${baseUrl()}/dashboard/reports`);
  await page.getByLabel("Kelompokkan menurut").selectOption("department");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await page.waitForURL(/groupBy=department/);
  const row = page.getByTestId("report-table").locator("tr", { hasText: w.dept.name });
  await row.waitFor();
  const cells = await row.locator("td").allTextContents();
  expect(cells.slice(0, 3)).toEqual(["5", "2", "3"]); // created, resolved, still open
  expect(cells.at(-2)).toBe("5.00"); // average rating
  await page.locator("[data-testid=group-chart] .recharts-bar-rectangle").first().waitFor();
  await page.locator("[data-testid=trend-chart] .recharts-line-curve").first().waitFor();
  expect(await page.getByTestId("satisfaction-average").textContent()).toMatch(/Rata-rata: \d\.\d\d dari 5/);
  expect(await page.getByText("Cepat dan ramah, terima kasih.").count()).toBe(1);
  await checkA11y(page, "admin report");
  await shot(page, "report-admin");

  // Print: the A4 "Laporan Helpdesk" without the app's shell and controls.
  await page.emulateMedia({ media: "print" });
  expect(await page.getByRole("heading", { name: "Laporan Helpdesk" }).isVisible()).toBe(true);
  expect(await page.getByRole("button", { name: "Tampilkan" }).isVisible()).toBe(false);
  expect(await page.getByRole("navigation", { name: "Menu utama" }).isVisible()).toBe(false);
  if (SHOTS) await page.pdf({ path: `${SHOTS}/report-print.pdf`, format: "A4", printBackground: true });
  await shot(page, "report-print");
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(w.dept.name);

  await page.goto(`${baseUrl()}/dashboard/reports?preset=custom&from=2026-05-01&to=2026-04-01`);
  expect(await page.getByTestId("report-errors").textContent()).toContain("Tanggal akhir tidak boleh sebelum tanggal awal.");
  await page.goto(`${baseUrl()}/dashboard/reports?groupBy=password`);
  expect(await page.getByTestId("report-errors").textContent()).toContain("Pilih pengelompokan yang tersedia.");
  await page.context().close();
});

it("no serious or critical accessibility issue on any dashboard or report page", () => {
  expect(a11y).toEqual({});
});
