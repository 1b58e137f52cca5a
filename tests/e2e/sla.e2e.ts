import type { Page } from "playwright-core";
import { baseUrl, createE2eUser, E2E_PASSWORD, e2eDb, loginAs, ticketListShown, ticketShown, withBrowser } from "./helpers/app";
import { seriousA11yViolations } from "./helpers/axe";

const browser = withBrowser();

async function pageFor(username: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A local date in Jakarta, "YYYY-MM-DD", `days` after now. */
const jakartaDate = (days: number) => new Date(Date.now() + 7 * HOUR + days * DAY).toISOString().slice(0, 10);
const dueOf = async (page: Page, key: "firstResponse" | "resolution") => new Date((await page.getByTestId(`sla-${key}-due`).getAttribute("data-due"))!);

it("admin sets service hours with a holiday → a ticket's due times skip it → Waiting pauses the clock → the client's answer moves the due time by the paused time", async () => {
  const suffix = Date.now().toString(36);
  const dept = await e2eDb().department.create({ data: { name: `Jaringan SLA ${suffix}` } });
  const client = await createE2eUser("CLIENT", { name: "Rina Klien" });
  const staff = await createE2eUser("STAFF", { name: "Dodi Petugas", departmentId: dept.id });
  const admin = await createE2eUser("ADMIN", { name: "Ayu Admin" });

  // 1. The admin opens Jam Layanan: the holiday draft is there, with a year still to confirm.
  const a = await pageFor(admin.username);
  await a.goto(`${baseUrl()}/dashboard/settings?tab=calendar`);
  await a.getByText(/Daftar libur tahun \d{4} belum dikonfirmasi\./).first().waitFor();
  expect(await seriousA11yViolations(a)).toEqual([]);
  // So that the arithmetic below is plain wall-clock time: every hour of every day is working time,
  // and no drafted holiday falls in the next two weeks (the test adds its own).
  for (const d of ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]) await a.getByLabel(d, { exact: true }).fill("00:00-24:00");
  await a.getByRole("button", { name: "Simpan" }).click();
  await a.getByRole("status").filter({ hasText: "Tersimpan." }).waitFor();
  await e2eDb().holiday.deleteMany({ where: { date: { gte: new Date(`${jakartaDate(-1)}T00:00:00Z`), lte: new Date(`${jakartaDate(14)}T00:00:00Z`) } } });

  // Tomorrow becomes a holiday, added through the form of its year.
  const tomorrow = jakartaDate(1);
  const year = a.getByTestId(`holidays-${tomorrow.slice(0, 4)}`);
  await year.getByLabel("Tanggal").fill(tomorrow);
  await year.getByLabel("Keterangan").fill("Cuti bersama (uji)");
  await year.getByRole("button", { name: "Tambah hari libur" }).click();
  await year.getByRole("status").filter({ hasText: "Tersimpan." }).waitFor();
  await a.reload();
  expect(await a.getByTestId(`holidays-${tomorrow.slice(0, 4)}`).getByRole("row").filter({ hasText: tomorrow }).textContent()).toContain("Cuti bersama (uji)");

  // The SLA tab shows the LAPOR!-style default targets, and says that changes apply to new tickets.
  await a.goto(`${baseUrl()}/dashboard/settings?tab=sla`);
  await a.getByText("Perubahan berlaku untuk tiket baru; tiket yang sudah ada tetap memakai batas waktunya.", { exact: false }).waitFor();
  expect(await a.getByLabel("Penyelesaian untuk prioritas Normal: Jumlah").first().inputValue()).toBe("5");
  expect(await seriousA11yViolations(a)).toEqual([]);

  // 2. The client files a ticket and sees its due times: Normal = 3 / 5 working days, tomorrow skipped.
  const c = await pageFor(client.username);
  await c.goto(`${baseUrl()}/dashboard/tickets/new`);
  await c.getByLabel("Department").selectOption(dept.id);
  await c.getByLabel("Subjek").fill("VPN kantor tidak tersambung");
  await c.getByLabel("Deskripsi").fill("Sejak pagi tidak bisa login VPN.");
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.waitForURL(/\/dashboard\/tickets\/HD-\d{4}-\d{6}$/);
  const number = decodeURIComponent(c.url().split("/").pop()!);
  const ticket = await e2eDb().ticket.findUniqueOrThrow({ where: { number } });
  const firstDue = await dueOf(c, "firstResponse");
  const resolutionDue = await dueOf(c, "resolution");
  expect(firstDue.getTime() - ticket.createdAt.getTime()).toBe(4 * DAY);
  expect(resolutionDue.getTime() - ticket.createdAt.getTime()).toBe(6 * DAY);
  expect(await c.getByTestId("sla-firstResponse-status").textContent()).toMatch(/sisa \d+ jam kerja/);
  expect(await c.getByTestId("sla-firstResponse-status").getAttribute("data-tone")).toBe("ok");
  expect(await seriousA11yViolations(c)).toEqual([]);

  // 3. Staff see it in the list with its SLA column, answer, and put it on Waiting.
  const s = await pageFor(staff.username);
  await s.goto(`${baseUrl()}/dashboard/tickets?sort=due`);
  await ticketListShown(s);
  const row = s.getByTestId("ticket-row").filter({ hasText: number });
  expect(await row.getByTestId("ticket-sla-cell").textContent()).toMatch(/sisa \d+ jam kerja/);
  expect(await seriousA11yViolations(s)).toEqual([]);
  await s.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  await ticketShown(s);
  await s.getByLabel("Balas", { exact: true }).fill("Mohon kirim tangkapan layar pesan galatnya.");
  await s.getByRole("button", { name: "Kirim", exact: true }).click();
  await s.getByTestId("reply").filter({ hasText: "tangkapan layar" }).waitFor();
  await s.getByTestId("sla-firstResponse-status").filter({ hasText: "Terpenuhi" }).waitFor();
  await s.getByLabel("Status").selectOption("WAITING");
  await s.getByRole("button", { name: "Simpan" }).click();
  await s.getByRole("status").filter({ hasText: "Perubahan disimpan." }).waitFor();
  await s.reload();
  await ticketShown(s);
  expect(await s.getByTestId("sla-resolution-status").textContent()).toContain("Jeda: menunggu client");

  // Three hours pass while the ticket waits on the client (the clock's pause moved back in time).
  const paused = await e2eDb().ticket.findUniqueOrThrow({ where: { number } });
  await e2eDb().ticket.update({ where: { number }, data: { slaPausedAt: new Date(paused.slaPausedAt!.getTime() - 3 * HOUR) } });

  // 4. The client answers: the ticket is open again and its resolution due time moved by the pause.
  await c.reload();
  await ticketShown(c);
  await c.getByLabel("Balas", { exact: true }).fill("Ini tangkapan layarnya: 'authentication failed'.");
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.getByTestId("reply").filter({ hasText: "authentication failed" }).waitFor();
  await c.reload();
  await ticketShown(c);
  expect(await c.getByTestId("ticket-status").textContent()).toBe("Terbuka");
  const moved = (await dueOf(c, "resolution")).getTime() - resolutionDue.getTime();
  expect(moved).toBeGreaterThanOrEqual(3 * HOUR);
  expect(moved).toBeLessThan(3 * HOUR + 60_000); // plus the seconds the test itself spent on Waiting
  expect(await c.getByTestId("sla-paused-total").textContent()).toMatch(/Total jeda: 3 jam/);
  expect(await c.getByTestId("sla-firstResponse-status").textContent()).toMatch(/Terpenuhi/);
});

it("the overdue tab, the due-soon view and the staff header count show a ticket past its due time", async () => {
  const dept = await e2eDb().department.create({ data: { name: `Server SLA ${Date.now().toString(36)}` } });
  const staff = await createE2eUser("STAFF", { name: "Eko Petugas", departmentId: dept.id });
  const client = await createE2eUser("CLIENT");
  const past = new Date(Date.now() - 2 * HOUR);
  const late = await e2eDb().ticket.create({
    data: {
      number: `HD-E2E-${Date.now().toString(36)}`, subject: "Server mati", description: "x", departmentId: dept.id, clientId: client.id, createdById: client.id,
      assigneeId: staff.id, firstResponseDueAt: past, resolutionDueAt: new Date(Date.now() + DAY), slaNextDueAt: past,
    },
  });
  const s = await pageFor(staff.username);
  expect(await s.getByTestId("overdue-count").textContent()).toContain("1 terlambat");
  await s.getByTestId("overdue-count").click();
  await s.waitForURL(/sla=overdue/);
  await ticketListShown(s);
  const row = s.getByTestId("ticket-row").filter({ hasText: late.number });
  expect(await row.getByTestId("ticket-sla-cell").textContent()).toMatch(/terlambat 2 jam kerja/);
  expect(await s.getByRole("link", { name: /Terlambat \(1\)/ }).getAttribute("aria-current")).toBe("page");
  await s.getByRole("link", { name: /Segera jatuh tempo/ }).click();
  await s.waitForURL(/sla=dueSoon/);
  await ticketListShown(s);
  expect(await s.getByTestId("ticket-row").filter({ hasText: late.number }).count()).toBe(0);
});
