import type { Page } from "playwright-core";
import { createE2eUser, e2eDb, E2E_PASSWORD, loginAs, ticketListShown, ticketShown, withBrowser } from "./helpers/app";

// The agent's triage and search, clicked as people do: a client's suggested priority decided by staff,
// and finding a caller's ticket by their name or "nomor 7", then clearing the list's filters.

const browser = withBrowser();
const run = Date.now().toString(36);

async function signedIn(username: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

async function openTicketList(page: Page) {
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(page);
}

it("a client's chosen priority is kept as a suggestion, staff set another, and the history names them", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Triase ${run}` } });
  const client = await createE2eUser("CLIENT", { name: `Andi Pratama ${run}` });
  const staff = await createE2eUser("STAFF", { name: `Budi Santoso ${run}`, departmentId: dept.id });
  const subject = `Internet kantor putus total ${run}`;

  const c = await signedIn(client.username);
  await c.getByRole("link", { name: "Buat Tiket" }).first().click();
  await c.waitForURL(/\/dashboard\/tickets\/new$/);
  await c.getByLabel("Department").selectOption(dept.id);
  await c.getByLabel("Subjek").fill(subject);
  await c.getByLabel("Deskripsi").fill("Seluruh lantai 2 tidak bisa internet sejak pagi.");
  await c.getByLabel("Prioritas (usulan)").selectOption({ label: "Tinggi" });
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(c);
  // What the client chose is on their ticket, marked as waiting for staff.
  expect(await c.getByTestId("suggested-priority").textContent()).toBe("Usulan Anda: Tinggi · menunggu ditinjau petugas");

  // Staff see the suggestion where they pick work: the dashboard's list, with the service-level state.
  const s = await signedIn(staff.username);
  const item = s.getByTestId("mini-ticket").filter({ hasText: subject });
  await item.waitFor();
  expect(await item.getByTestId("mini-ticket-priority").textContent()).toContain("Normal (usulan client: Tinggi)");
  expect(await item.textContent()).toMatch(/Tepat waktu · sisa|Segera jatuh tempo · sisa|terlambat|lewat batas waktu/);
  await item.getByRole("link", { name: new RegExp(subject) }).click();
  await s.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(s);

  const review = s.getByTestId("priority-review");
  expect(await review.textContent()).toContain("Usulan client: Tinggi");
  await review.getByLabel("Atau tetapkan prioritas lain").selectOption({ label: "Mendesak" });
  await review.getByRole("button", { name: "Tetapkan" }).click();
  const line = s.getByTestId("ticket-history").getByText(`${staff.name} menetapkan prioritas Mendesak (usulan client: Tinggi)`);
  await line.waitFor();
  await review.waitFor({ state: "detached" });
  expect(await s.getByTestId("suggested-priority").textContent()).toBe("Usulan client: Tinggi");

  // The client's page, fetched again, shows the decision and no longer says it waits.
  await c.reload();
  await ticketShown(c);
  expect(await c.getByTestId("suggested-priority").textContent()).toBe("Usulan Anda: Tinggi");
  expect(await c.getByTestId("ticket-history").textContent()).toContain(`${staff.name} menetapkan prioritas Mendesak`);
});

it("staff find a caller's ticket by the client's name and by '7', and 'Atur ulang' clears every filter", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Cari ${run}` } });
  const dinkes = await e2eDb().agency.create({ data: { name: `Dinas Kesehatan ${run}` } });
  const rina = await createE2eUser("CLIENT", { name: `Rina Wulandari ${run}`, agencyId: dinkes.id });
  const other = await createE2eUser("CLIENT", { name: `Joko Susilo ${run}` });
  const staff = await createE2eUser("STAFF", { departmentId: dept.id });
  const rinaSubject = `VPN kantor dinas tidak tersambung ${run}`;
  const sevenSubject = `Website dinas lambat ${run}`;
  await e2eDb().ticket.create({ data: { number: `HD-2025-${String(100_000 + (Date.now() % 600_000))}`, subject: rinaSubject, description: "Sejak kemarin.", departmentId: dept.id, clientId: rina.id, createdById: rina.id, agencyId: dinkes.id, priority: "HIGH" } });
  await e2eDb().ticket.create({ data: { number: "HD-2025-000007", subject: sevenSubject, description: "Halaman utama.", departmentId: dept.id, clientId: other.id, createdById: other.id } });

  const page = await signedIn(staff.username);
  await openTicketList(page);
  const rows = page.getByTestId("ticket-row");
  const search = page.getByLabel("Cari nomor, subjek, isi, client atau OPD");

  // "/" goes to the search box; the phone caller says "Bu Rina".
  await page.keyboard.press("/");
  expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(`Rina ${run}`);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/q=Rina/);
  await ticketListShown(page);
  expect(await rows.allTextContents()).toEqual([expect.stringContaining(rinaSubject)]);
  expect(await rows.first().getByTestId("ticket-priority-cell").textContent()).toBe("Tinggi");

  // "Tiket nomor 7".
  await search.fill("7");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/[?&]q=7(&|$)/);
  await ticketListShown(page);
  expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(sevenSubject)]));
  expect((await rows.allTextContents()).some((r) => r.includes(rinaSubject))).toBe(false);

  // j selects the first row (its link holds the focus); a takes it ("Ambil"); ? lists the shortcuts.
  await page.keyboard.press("j");
  expect(await rows.first().evaluate((row) => row.contains(document.activeElement))).toBe(true);
  expect(await rows.first().textContent()).toContain(sevenSubject);
  await page.keyboard.press("a");
  await rows.filter({ hasText: sevenSubject }).getByText(staff.name, { exact: true }).waitFor();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Pintasan papan ketik" });
  await help.waitFor();
  await page.keyboard.press("Escape");
  await help.waitFor({ state: "hidden" });

  // A priority on top of the search, then "Atur ulang": the list, the search box and the select are all empty.
  await page.getByLabel("Prioritas", { exact: true }).selectOption({ label: "Tinggi" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/priority=HIGH/);
  await ticketListShown(page);
  await search.fill("sesuatu yang belum diterapkan");
  await page.getByRole("link", { name: "Atur ulang" }).click();
  await page.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(page);
  expect(await search.inputValue()).toBe("");
  expect(await page.getByLabel("Prioritas", { exact: true }).inputValue()).toBe("");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);

  // The search saved as "Filter saya" shows in the menu with its count and opens its list.
  await search.fill(`Rina ${run}`);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/q=Rina/);
  await ticketListShown(page);
  await page.getByRole("button", { name: "Simpan filter ini" }).click();
  await page.getByLabel("Nama filter").fill("Telepon Bu Rina");
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  const saved = page.getByTestId("saved-filters-nav").getByRole("link", { name: /Telepon Bu Rina/ });
  await saved.waitFor();
  expect(await saved.getByTestId("saved-filter-count").textContent()).toContain("1 tiket");
  await page.getByRole("link", { name: "Atur ulang" }).click();
  await page.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(page);
  await saved.click();
  await page.waitForURL(/q=Rina/);
  await ticketListShown(page);
  expect(await rows.allTextContents()).toEqual([expect.stringContaining(rinaSubject)]);
});
