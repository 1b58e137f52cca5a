import type { Page } from "playwright-core";
import { createE2eUser, e2eDb, E2E_PASSWORD, loginAs, ticketListShown, ticketShown, withBrowser } from "./helpers/app";

// Merging a duplicate and automatic assignment, clicked as people do: staff merge B into A through
// the "Gabungkan" dialog; an admin turns on "Tugaskan otomatis" in the Department form and a
// client's new ticket arrives assigned, its history saying so.

const browser = withBrowser();
const run = Date.now().toString(36);

async function signedIn(username: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

/** A client files a ticket through the form and stays on its page; returns the ticket number. */
async function fileTicket(page: Page, departmentId: string, subject: string, description: string): Promise<string> {
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Dashboard", exact: true }).click();
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Buat Tiket" }).first().click();
  await page.waitForURL(/\/dashboard\/tickets\/new$/);
  await page.getByLabel("Department").selectOption(departmentId);
  await page.getByLabel("Subjek").fill(subject);
  await page.getByLabel("Deskripsi").fill(description);
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(page);
  return decodeURIComponent(page.url().split("/").pop()!);
}

/** Opens a ticket from the menu and the list, by its number. */
async function openFromList(page: Page, number: string) {
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(page);
  await page.getByRole("link", { name: number }).first().click();
  await page.waitForURL(new RegExp(`/dashboard/tickets/${number}$`));
  await ticketShown(page);
}

it("staff merge a duplicate (B) into A through the dialog: A shows B's messages, B points to A", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Gabung ${run}` } });
  const opd = await e2eDb().agency.create({ data: { name: `OPD Gabung ${run}` } });
  const client = await createE2eUser("CLIENT", { name: `Sari Klien ${run}`, agencyId: opd.id });
  const staff = await createE2eUser("STAFF", { name: `Dodi Petugas ${run}`, departmentId: dept.id });

  const c = await signedIn(client.username);
  const a = await fileTicket(c, dept.id, `Internet kantor putus ${run}`, "Seluruh lantai 2 tidak bisa internet.");
  const b = await fileTicket(c, dept.id, `Wifi mati ${run}`, "Wifi ruang rapat juga mati sejak pagi.");
  await c.getByLabel("Balas", { exact: true }).fill("Lampu modem berkedip merah.");
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.getByTestId("reply").filter({ hasText: "Lampu modem berkedip merah." }).waitFor();

  const s = await signedIn(staff.username);
  await openFromList(s, b);
  await s.getByRole("button", { name: "Gabungkan ke tiket lain" }).click();
  const dialog = s.getByRole("dialog", { name: `Gabungkan ${b}` });
  // A wrong number first: said at the field, nothing else happens.
  await dialog.getByLabel("Nomor tiket tujuan").fill(b);
  await dialog.getByRole("button", { name: "Cari" }).click();
  await dialog.getByText("Tiket tidak dapat digabung ke dirinya sendiri.").waitFor();
  // The running number of A is enough; both subjects are shown before anything changes.
  await dialog.getByLabel("Nomor tiket tujuan").fill(String(Number(a.slice(-6))));
  await dialog.getByRole("button", { name: "Cari" }).click();
  const confirm = dialog.getByTestId("merge-confirm");
  await confirm.getByText(`Wifi mati ${run}`).waitFor();
  await confirm.getByText(`Internet kantor putus ${run}`).waitFor();
  await confirm.getByRole("button", { name: "Gabungkan", exact: true }).click();
  await dialog.waitFor({ state: "detached" });

  // B: closed, with a pointer to A, and no reply box.
  const pointer = s.getByTestId("merged-pointer").first();
  await pointer.waitFor();
  expect(await pointer.textContent()).toContain(`Tiket ini telah digabung ke ${a}.`);
  expect(await s.getByTestId("ticket-status").textContent()).toBe("Ditutup");
  expect(await s.getByLabel("Balas", { exact: true }).count()).toBe(0);
  await s.getByTestId("ticket-history").getByText(`menggabungkan tiket ini ke ${a}`).waitFor();

  // The pointer leads to A, which shows B's description and reply, marked as coming from B, in time order.
  await pointer.getByRole("link", { name: a }).click();
  await s.waitForURL(new RegExp(`/dashboard/tickets/${a}$`));
  await ticketShown(s);
  const fromB = s.getByTestId("reply").filter({ has: s.getByTestId("merged-from") });
  expect(await fromB.count()).toBe(2);
  expect(await fromB.nth(0).textContent()).toContain("Wifi ruang rapat juga mati sejak pagi.");
  expect(await fromB.nth(1).textContent()).toContain("Lampu modem berkedip merah.");
  expect(await fromB.nth(0).getByTestId("merged-from").textContent()).toBe(`dari ${b}`);
  await s.getByTestId("ticket-history").getByText(`menggabungkan ${b} ke tiket ini`).waitFor();

  // The client sees the same on A, and was told by the bell and a mail.
  await openFromList(c, a);
  await c.getByTestId("reply").filter({ hasText: "Lampu modem berkedip merah." }).getByTestId("merged-from").waitFor();
  const target = await e2eDb().ticket.findUniqueOrThrow({ where: { number: a } });
  expect(await e2eDb().notification.count({ where: { ticketId: target.id, userId: client.id, kind: "TICKET_MERGED" } })).toBe(1);
  expect(await e2eDb().emailOutbox.count({ where: { ticketId: target.id, userId: client.id, kind: "ticketMerged" } })).toBe(1);
});

it("an admin turns on 'Tugaskan otomatis' in the Department form; a client's new ticket arrives assigned, 'diberikan otomatis' in its history", async () => {
  const name = `Otomatis ${run}`;
  const dept = await e2eDb().department.create({ data: { name } });
  const away = await createE2eUser("STAFF", { name: `Ani Cuti ${run}`, departmentId: dept.id });
  const onDuty = await createE2eUser("STAFF", { name: `Bayu Jaga ${run}`, departmentId: dept.id });
  const admin = await createE2eUser("ADMIN", { name: `Admin Otomatis ${run}` });
  const client = await createE2eUser("CLIENT", { name: `Tono Klien ${run}` });

  // Ani marks herself away in her profile.
  const ani = await signedIn(away.username);
  await ani.getByTestId("current-user").click();
  await ani.waitForURL(/\/dashboard\/profile$/);
  await ani.getByRole("button", { name: "Tandai sedang tidak bertugas" }).click();
  await ani.getByText("Sedang tidak bertugas — tiket baru tidak diberikan otomatis kepada Anda.").waitFor();

  const adm = await signedIn(admin.username);
  await adm.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Department", exact: true }).click();
  await adm.waitForURL(/\/dashboard\/departments/);
  await adm.getByPlaceholder("Cari department").fill(name);
  await adm.getByPlaceholder("Cari department").press("Enter");
  await adm.waitForURL(/q=/);
  const row = adm.locator("tr", { hasText: name });
  await row.getByRole("button", { name: "Ubah", exact: true }).click();
  const form = adm.getByRole("dialog", { name: "Ubah Department" });
  await form.getByLabel(/Tugaskan otomatis/).check();
  await form.getByRole("button", { name: "Save changes" }).click();
  await form.waitFor({ state: "detached" });
  await row.getByRole("cell", { name: "Ya", exact: true }).waitFor();

  const c = await signedIn(client.username);
  const number = await fileTicket(c, dept.id, `Printer lantai 3 macet ${run}`, "Kertas tersangkut.");
  // The client sees who handles it; the history says the system gave it automatically (not to Ani, who is away).
  const assignee = c.getByTestId("ticket-page").getByText(onDuty.name).first();
  await assignee.waitFor();
  await c.getByTestId("ticket-history").getByText(`diberikan otomatis kepada ${onDuty.name}`).waitFor();

  const ticket = await e2eDb().ticket.findUniqueOrThrow({ where: { number } });
  expect(ticket.assigneeId).toBe(onDuty.id);
  expect(await e2eDb().notification.count({ where: { ticketId: ticket.id, userId: onDuty.id, kind: "TICKET_ASSIGNED" } })).toBe(1);
});
