import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { baseUrl, closeE2eDb, createE2eUser, e2eDb, E2E_PASSWORD, launchBrowser, loginAs, ticketListShown, ticketShown } from "./helpers/app";
import { seriousA11yViolations } from "./helpers/axe";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f2a8d20000000049454e44ae426082",
  "hex",
);
const XSS = "<img src=x onerror=alert(1)>";

let browser: Browser;
/** axe: serious/critical violations per page visited, expected to stay empty. */
const a11y: Record<string, string[]> = {};
async function checkA11y(page: Page, name: string) {
  const found = await seriousA11yViolations(page);
  if (found.length) a11y[name] = found;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeE2eDb();
});

/** A page in its own browser context (own cookies) that fails the test on any alert() — i.e. XSS. */
async function pageFor(username: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await loginAs(page, username, E2E_PASSWORD);
  return { page, dialogs };
}

it("client files a ticket with an attachment → admin is notified, assigns → staff replies + internal note → client sees only the reply, downloads, resolves", async () => {
  const suffix = Date.now().toString(36);
  const dept = await e2eDb().department.create({ data: { name: `Jaringan E2E ${suffix}` } });
  const opd = await e2eDb().agency.create({ data: { name: `Dinas Kesehatan E2E ${suffix}` } });
  const client = await createE2eUser("CLIENT", { name: "Budi Klien", agencyId: opd.id });
  const staff = await createE2eUser("STAFF", { name: "Sari Petugas", departmentId: dept.id });
  const admin = await createE2eUser("ADMIN", { name: "Andi Admin" });

  // 1. The client files the ticket.
  const c = await pageFor(client.username);
  await c.page.goto(`${baseUrl()}/dashboard/tickets/new`);
  await checkA11y(c.page, "new ticket form");
  await c.page.getByLabel("Department").selectOption(dept.id);
  await c.page.getByLabel("Subjek").fill(`Internet putus ${XSS}`);
  await c.page.getByLabel("Deskripsi").fill(`Sejak pagi koneksi putus.\n${XSS}`);
  await c.page.getByLabel("Lampiran").setInputFiles({ name: "bukti-gangguan.png", mimeType: "image/png", buffer: PNG });
  expect(await c.page.getByTestId("file-list").textContent()).toContain("bukti-gangguan.png");
  await c.page.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.page.waitForURL(/\/dashboard\/tickets\/HD-\d{4}-\d{6}$/);
  const number = decodeURIComponent(c.page.url().split("/").pop()!);
  // The payload is shown as text, never as an element.
  expect(await c.page.getByRole("heading", { level: 1 }).textContent()).toBe(`Internet putus ${XSS}`);
  expect(await c.page.locator("[data-testid=ticket-description] img").count()).toBe(0);
  expect(await c.page.getByTestId("ticket-status").textContent()).toBe("Terbuka");

  // 2. The admin sees the bell, the notification and the ticket in the list, and assigns it.
  const a = await pageFor(admin.username);
  expect(Number(await a.page.getByTestId("notification-count").textContent())).toBeGreaterThanOrEqual(1);
  await a.page.getByTestId("notification-bell").click();
  await a.page.waitForURL(/\/dashboard\/notifications$/);
  await checkA11y(a.page, "notifications");
  await a.page.getByRole("link", { name: new RegExp(`Tiket baru ${number}`) }).click();
  await a.page.waitForURL(new RegExp(`/dashboard/tickets/${number}$`));
  await a.page.goto(`${baseUrl()}/dashboard/tickets?q=${number}`);
  await ticketListShown(a.page);
  expect(await a.page.getByTestId("ticket-row").count()).toBe(1);
  await checkA11y(a.page, "ticket list (admin)");
  expect(await a.page.getByTestId("ticket-row").textContent()).toContain("Budi Klien");
  await a.page.getByRole("link", { name: number }).click();
  await a.page.waitForURL(new RegExp(`/dashboard/tickets/${number}$`));
  await checkA11y(a.page, "ticket page (admin)");
  await a.page.getByLabel("Petugas").selectOption(staff.id);
  await a.page.getByLabel("Status").selectOption("IN_PROGRESS");
  await a.page.getByRole("button", { name: "Simpan" }).click();
  await a.page.getByRole("status").filter({ hasText: "Perubahan disimpan." }).waitFor();

  // 3. Staff: notified of the assignment, replies, then adds an internal note.
  const s = await pageFor(staff.username);
  await s.page.goto(`${baseUrl()}/dashboard/notifications`);
  expect(await s.page.getByRole("link", { name: new RegExp(`${number} ditugaskan kepada Anda`) }).count()).toBe(1);
  await s.page.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  await ticketShown(s.page);
  await s.page.getByLabel("Balas", { exact: true }).fill("Router sudah kami ganti, silakan dicoba.");
  await s.page.getByRole("button", { name: "Kirim", exact: true }).click();
  await s.page.getByTestId("reply").filter({ hasText: "Router sudah kami ganti" }).waitFor();
  await s.page.getByRole("tab", { name: "Catatan internal" }).click();
  await s.page.getByText("Catatan internal — tidak terlihat oleh client").waitFor();
  await s.page.getByLabel("Catatan untuk petugas").fill("Catatan internal: password router = rahasia123");
  await s.page.getByRole("button", { name: "Simpan catatan" }).click();
  await s.page.getByTestId("internal-note").filter({ hasText: "rahasia123" }).waitFor();

  // 4. The client sees the reply but not the note, downloads the attachment and resolves the ticket.
  await c.page.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  await ticketShown(c.page);
  expect(await c.page.getByTestId("reply").allTextContents()).toEqual([expect.stringContaining("Router sudah kami ganti")]);
  await checkA11y(c.page, "ticket page (client)");
  const html = await c.page.content();
  expect(html).not.toContain("rahasia123");
  expect(await c.page.getByTestId("internal-note").count()).toBe(0);

  const [download] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("link", { name: "Unduh bukti-gangguan.png" }).click()]);
  expect(download.suggestedFilename()).toBe("bukti-gangguan.png");
  expect(fs.readFileSync((await download.path())!).equals(PNG)).toBe(true);

  await c.page.getByRole("button", { name: "Tandai selesai" }).click();
  await c.page.getByTestId("ticket-status").filter({ hasText: "Selesai" }).waitFor();
  await c.page.getByText("★★★★★", { exact: true }).click();
  await c.page.getByRole("button", { name: "Kirim penilaian" }).click();
  await c.page.getByTestId("ticket-rating").filter({ hasText: "Dinilai 5 dari 5" }).waitFor();

  // The admin sees the rating and the whole history.
  await a.page.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  await ticketShown(a.page);
  expect(await a.page.getByTestId("ticket-rating").textContent()).toContain("Dinilai 5 dari 5");
  expect(await a.page.getByTestId("ticket-history").textContent()).toContain("mengubah petugas menjadi Sari Petugas");

  expect(a11y).toEqual({});
  // No alert() ever ran in any of the three browsers.
  expect([...c.dialogs, ...a.dialogs, ...s.dialogs]).toEqual([]);
  const stored = await e2eDb().ticket.findUniqueOrThrow({ where: { number }, include: { messages: true } });
  expect(stored).toMatchObject({ status: "RESOLVED", rating: 5, assigneeId: staff.id, clientId: client.id });
  expect(stored.messages.map((m) => m.internal).sort()).toEqual([false, true]);
});

it("a client cannot open, or download from, another client's ticket (not found, 404 from the data)", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Website E2E ${Date.now().toString(36)}` } });
  const owner = await createE2eUser("CLIENT");
  const other = await createE2eUser("CLIENT");
  const o = await pageFor(owner.username);
  await o.page.goto(`${baseUrl()}/dashboard/tickets/new`);
  await o.page.getByLabel("Department").selectOption(dept.id);
  await o.page.getByLabel("Subjek").fill("Website OPD tidak bisa dibuka");
  await o.page.getByLabel("Deskripsi").fill("502 Bad Gateway");
  await o.page.getByLabel("Lampiran").setInputFiles({ name: "layar.png", mimeType: "image/png", buffer: PNG });
  await o.page.getByRole("button", { name: "Kirim", exact: true }).click();
  await o.page.waitForURL(/\/dashboard\/tickets\/HD-/);
  const number = decodeURIComponent(o.page.url().split("/").pop()!);
  const attachment = await e2eDb().attachment.findFirstOrThrow({ where: { ticket: { number } } });

  const x = await pageFor(other.username);
  const opened = await x.page.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  expect(opened?.status()).toBe(404);
  await x.page.getByRole("heading", { name: "Halaman tidak ditemukan" }).waitFor();
  await x.page.getByText("Tiket tidak ditemukan.").waitFor();
  expect(await x.page.content()).not.toContain("502 Bad Gateway");
  expect(await x.page.content()).not.toContain("Website OPD tidak bisa dibuka");
  const file = await x.page.request.get(`${baseUrl()}/api/attachments/${attachment.id}`);
  expect(file.status()).toBe(404);
  const own = await o.page.request.get(`${baseUrl()}/api/attachments/${attachment.id}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename="layar.png"; filename\*=UTF-8''layar.png$/);
});
