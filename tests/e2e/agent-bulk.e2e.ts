import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { createE2eUser, e2eDb, E2E_PASSWORD, loginAs, ticketListShown, withBrowser } from "./helpers/app";

const browser = withBrowser();

/** A bulk assignment as an admin does it on the list: filter, tick the page, "pilih semua N yang cocok", assign. */
it("an admin assigns the 50 tickets a search matches to a staff member in one action; the staff member's list and bell show them, with one notification; 'Ambil' in a row takes one more", async () => {
  const tag = randomBytes(3).toString("hex");
  const dept = await e2eDb().department.create({ data: { name: `Jaringan Massal ${tag}` } });
  const agency = await e2eDb().agency.create({ data: { name: `OPD Massal ${tag}` } });
  const client = await createE2eUser("CLIENT", { agencyId: agency.id });
  const admin = await createE2eUser("ADMIN");
  const staff = await createE2eUser("STAFF", { name: `Rudi Massal ${tag}`, departmentId: dept.id });
  await createE2eUser("STAFF", { name: `Sari Massal ${tag}`, departmentId: dept.id });
  const subject = `Printer massal ${tag}`;
  // 50 tickets the search will match, and 10 of the same department it must leave alone.
  await e2eDb().ticket.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      number: `HD-BULK${tag}-${String(i).padStart(3, "0")}`,
      subject: i < 50 ? `${subject} ${i}` : `Jaringan lantai ${tag} ${i}`,
      description: "Printer di ruang rapat tidak mau mencetak.",
      departmentId: dept.id,
      agencyId: agency.id,
      clientId: client.id,
      createdById: client.id,
      createdAt: new Date(Date.now() - (60 - i) * 60_000),
    })),
  });

  const adminPage: Page = await (await browser().newContext()).newPage();
  await loginAs(adminPage, admin.username, E2E_PASSWORD);
  await adminPage.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).click();
  await adminPage.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(adminPage);
  await adminPage.locator("#f-q").fill(`printer massal ${tag}`);
  await adminPage.getByRole("button", { name: "Terapkan", exact: true }).first().click();
  await adminPage.waitForURL(/q=printer/);
  await ticketListShown(adminPage);
  await adminPage.locator('[data-testid="ticket-row"]', { hasText: subject }).first().waitFor();

  await adminPage.getByRole("checkbox", { name: "Pilih semua di halaman ini" }).check();
  const toolbar = adminPage.getByRole("region", { name: "Tindakan untuk tiket terpilih" });
  await toolbar.getByText("25 tiket dipilih").waitFor();
  await toolbar.getByRole("button", { name: "Pilih semua 50 tiket yang cocok" }).click();
  await toolbar.getByText("Semua 50 tiket yang cocok dengan filter dipilih").waitFor();
  await toolbar.getByLabel("Tugaskan ke").selectOption({ label: staff.name });
  await toolbar.locator('[data-action="bulk-assigneeId"]').click();
  await adminPage.getByTestId("bulk-result").getByText("50 diubah.").waitFor();
  // The list refreshed in place: the rows now name the staff member.
  await adminPage.locator('[data-testid="ticket-row"]', { hasText: subject }).first().getByText(staff.name).waitFor();

  const assigned = await e2eDb().ticket.count({ where: { subject: { startsWith: subject }, assigneeId: staff.id } });
  expect(assigned).toBe(50);
  expect(await e2eDb().ticket.count({ where: { subject: { startsWith: `Jaringan lantai ${tag}` }, assigneeId: { not: null } } })).toBe(0);
  expect(await e2eDb().notification.count({ where: { userId: staff.id } })).toBe(1);

  // The staff member: one unread notification in the bell, the 50 tickets in their list.
  const staffPage: Page = await (await browser().newContext()).newPage();
  await loginAs(staffPage, staff.username, E2E_PASSWORD);
  await staffPage.getByTestId("notification-count").getByText("1", { exact: true }).waitFor();
  await staffPage.getByTestId("notification-bell").click();
  await staffPage.waitForURL(/\/dashboard\/notifications/);
  const notes = staffPage.getByTestId("notification");
  await notes.first().getByText(/50 tiket ditugaskan kepada Anda/).waitFor();
  expect(await notes.count()).toBe(1);

  await staffPage.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).click();
  await staffPage.waitForURL(/\/dashboard\/tickets$/);
  await ticketListShown(staffPage);
  await staffPage.locator("#f-q").fill(`printer massal ${tag}`);
  await staffPage.getByRole("button", { name: "Terapkan", exact: true }).first().click();
  await staffPage.waitForURL(/q=printer/);
  await ticketListShown(staffPage);
  const rows = staffPage.locator('[data-testid="ticket-row"]', { hasText: subject });
  await rows.first().waitFor();
  expect(await rows.count()).toBe(25);
  expect(await rows.filter({ hasText: staff.name }).count()).toBe(25);
  // Their own tickets offer no "Ambil"; the ten others of the department still do, and one click takes one.
  expect(await rows.locator('[data-action="take"]').count()).toBe(0);
  await staffPage.locator("#f-q").fill(`jaringan lantai ${tag}`);
  await staffPage.getByRole("button", { name: "Terapkan", exact: true }).first().click();
  await staffPage.waitForURL(/q=jaringan/);
  await ticketListShown(staffPage);
  const others = staffPage.locator('[data-testid="ticket-row"]', { hasText: `Jaringan lantai ${tag}` });
  await others.first().waitFor();
  expect(await others.locator('[data-action="take"]').count()).toBe(10);
  const first = others.filter({ hasText: `Jaringan lantai ${tag} 59` });
  await first.locator('[data-action="take"]').click();
  await first.getByText(staff.name).waitFor();
  expect(await first.locator('[data-action="take"]').count()).toBe(0);
  expect(await e2eDb().ticket.count({ where: { subject: `Jaringan lantai ${tag} 59`, assigneeId: staff.id } })).toBe(1);
});
