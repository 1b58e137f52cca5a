import type { Page } from "playwright-core";
import { createE2eUser, e2eDb, E2E_PASSWORD, loginAs, ticketListShown, ticketShown, withBrowser } from "./helpers/app";

// The agent's reply box, clicked as people do: the reply and the status in one submit, "Ambil", and a
// canned reply an admin wrote, inserted by staff with "/" and its variables filled from the ticket.

const browser = withBrowser();
const run = Date.now().toString(36);

async function signedIn(username: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

/** A client files a ticket through the form and stays on its page; returns the ticket number. */
async function fileTicket(page: Page, departmentId: string, subject: string): Promise<string> {
  await page.getByRole("link", { name: "Buat Tiket" }).first().click();
  await page.waitForURL(/\/dashboard\/tickets\/new$/);
  await page.getByLabel("Department").selectOption(departmentId);
  await page.getByLabel("Subjek").fill(subject);
  await page.getByLabel("Deskripsi").fill("Sejak pagi tidak bisa masuk.");
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(page);
  return decodeURIComponent(page.url().split("/").pop()!);
}

/** Staff open a ticket from the menu and the list, by its number. */
async function openFromList(page: Page, number: string) {
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).click();
  await page.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(page);
  await page.getByRole("link", { name: number }).first().click();
  await page.waitForURL(new RegExp(`/dashboard/tickets/${number}$`));
  await ticketShown(page);
}

it("staff take the ticket, reply and mark it waiting in one submit; the client sees the reply and the status, and gets one mail", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Balas ${run}` } });
  const client = await createE2eUser("CLIENT", { name: `Rina Klien ${run}` });
  const staff = await createE2eUser("STAFF", { name: `Budi Petugas ${run}`, departmentId: dept.id });

  const c = await signedIn(client.username);
  const number = await fileTicket(c, dept.id, `Aplikasi SIMPEG error ${run}`);

  const s = await signedIn(staff.username);
  await openFromList(s, number);
  await s.locator('[data-action="take"]').click();
  await s.getByTestId("ticket-page").getByText(staff.name).first().waitFor();
  await s.locator('[data-action="take"]').waitFor({ state: "detached" });

  await s.getByLabel("Balas", { exact: true }).fill("Mohon kirim tangkapan layar pesan galatnya.");
  await s.getByRole("button", { name: "Kirim & tandai Menunggu client" }).click();
  await s.getByTestId("reply").filter({ hasText: "Mohon kirim tangkapan layar" }).waitFor();
  await s.getByTestId("ticket-status").filter({ hasText: "Menunggu client" }).waitFor();
  // The box is empty again, ready for the next answer.
  expect(await s.getByLabel("Balas", { exact: true }).inputValue()).toBe("");

  await c.reload();
  await ticketShown(c);
  expect(await c.getByTestId("reply").allTextContents()).toEqual([expect.stringContaining("Mohon kirim tangkapan layar pesan galatnya.")]);
  expect(await c.getByTestId("ticket-status").textContent()).toBe("Menunggu client");

  // The client was told once: one mail (the reply, naming the status), one bell entry.
  const ticket = await e2eDb().ticket.findUniqueOrThrow({ where: { number } });
  const mails = await e2eDb().emailOutbox.findMany({ where: { ticketId: ticket.id, userId: client.id, kind: { in: ["staffReply", "statusChanged"] } } });
  expect(mails.map((m) => [m.kind, m.payload])).toEqual([["staffReply", { status: "WAITING" }]]);
  expect(await e2eDb().notification.count({ where: { ticketId: ticket.id, userId: client.id } })).toBe(1);

  // "Kirim & Selesaikan": the client sees the answer and the ticket resolved, with the rating form.
  await s.getByLabel("Balas", { exact: true }).fill("Sudah kami perbaiki, silakan dicoba.");
  await s.getByRole("button", { name: "Kirim & Selesaikan" }).click();
  await s.getByTestId("ticket-status").filter({ hasText: "Selesai" }).waitFor();
  await c.reload();
  await ticketShown(c);
  expect(await c.getByTestId("ticket-status").textContent()).toBe("Selesai");
  expect(await c.getByTestId("reply").last().textContent()).toContain("Sudah kami perbaiki, silakan dicoba.");
  await c.getByRole("button", { name: "Kirim penilaian" }).waitFor();

  // The internal note is a separate, yellow tab; it never reaches the client.
  await s.getByRole("tab", { name: "Catatan internal" }).click();
  await s.getByText("Catatan internal — tidak terlihat oleh client").waitFor();
  expect(await s.getByRole("button", { name: "Kirim & Selesaikan" }).count()).toBe(0);
  await s.getByLabel("Catatan untuk petugas").fill(`Penyebab: sertifikat kedaluwarsa ${run}`);
  await s.getByRole("button", { name: "Simpan catatan" }).click();
  await s.getByTestId("internal-note").filter({ hasText: "sertifikat kedaluwarsa" }).waitFor();
  await c.reload();
  await ticketShown(c);
  expect(await c.content()).not.toContain(`sertifikat kedaluwarsa ${run}`);
});

it("an admin writes a canned reply; staff insert it with '/', its variables filled, edit it and send; the client reads their name and ticket number", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Cepat ${run}` } });
  const client = await createE2eUser("CLIENT", { name: `Siti Aminah ${run}` });
  const staff = await createE2eUser("STAFF", { name: `Joko Petugas ${run}`, departmentId: dept.id });
  const admin = await createE2eUser("ADMIN", { name: `Hendra Kabid ${run}` });
  const title = `Sapaan awal ${run}`;

  // The admin writes it, sees the warning for a variable that does not exist, and fixes the text.
  const a = await signedIn(admin.username);
  await a.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Balasan Cepat", exact: true }).click();
  await a.waitForURL(/\/dashboard\/canned-replies$/);
  await a.getByRole("link", { name: "Tambah balasan cepat" }).click();
  await a.waitForURL(/\/dashboard\/canned-replies\/new$/);
  await a.getByLabel("Judul").fill(title);
  await a.getByLabel("Berlaku untuk").selectOption(dept.id);
  await a.getByLabel("Isi balasan").fill("Yth. {{nama_klien}}, tiket {{nomor_tiket}} sedang kami tangani. {{salam_penutup}}");
  expect(await a.getByTestId("unknown-variables").textContent()).toContain("{{salam_penutup}}");
  await a.getByLabel("Isi balasan").fill("Yth. {{nama_klien}}, tiket {{nomor_tiket}} sedang kami tangani oleh {{nama_petugas}}.");
  await a.getByTestId("unknown-variables").waitFor({ state: "detached" });
  await a.getByRole("button", { name: "Simpan" }).click();
  await a.waitForURL(/\/dashboard\/canned-replies$/);
  await a.getByRole("cell", { name: title }).waitFor();

  const c = await signedIn(client.username);
  const number = await fileTicket(c, dept.id, `Surel dinas penuh ${run}`);

  // Staff type "/" at the start of the box and a few letters, pick it with the keyboard, add a line, send.
  const s = await signedIn(staff.username);
  await openFromList(s, number);
  const box = s.locator("#reply-body");
  await box.click();
  await box.pressSequentially("/sapaan aw");
  await s.getByRole("option", { name: new RegExp(title) }).waitFor();
  await box.press("Enter");
  const filled = `Yth. ${client.name}, tiket ${number} sedang kami tangani oleh ${staff.name}.`;
  expect(await box.inputValue()).toBe(filled);
  await box.press("End");
  await box.pressSequentially(" Kuota kotak surat sudah kami tambah.");
  await s.getByRole("button", { name: "Kirim", exact: true }).click();
  await s.getByTestId("reply").filter({ hasText: "Kuota kotak surat" }).waitFor();

  await c.reload();
  await ticketShown(c);
  const reply = await c.getByTestId("reply").last().textContent();
  expect(reply).toContain(`Yth. ${client.name}, tiket ${number} sedang kami tangani oleh ${staff.name}. Kuota kotak surat sudah kami tambah.`);
  expect(reply).not.toContain("{{");
});
