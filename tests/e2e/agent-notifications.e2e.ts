import type { Page } from "playwright-core";
import { createE2eUser, e2eDb, E2E_PASSWORD, loginAs, ticketShown, withBrowser } from "./helpers/app";

const browser = withBrowser();

async function signedIn(username: string): Promise<Page> {
  const page = await (await browser().newContext()).newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

/** The bell's number as the header shows it (0 when it shows none). */
const bellCount = (page: Page) => page.getByTestId("notification-bell").getAttribute("data-unread").then(Number);
const bellShows = (page: Page, n: number) =>
  page.waitForFunction((n) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute("data-unread") === String(n), n);

/** Bell → notifications page → the notification about `number` → the ticket page. */
async function openNotification(page: Page, number: string, text: RegExp) {
  await page.getByTestId("notification-bell").click();
  await page.waitForURL(/\/dashboard\/notifications/);
  const link = page.getByTestId("notification").filter({ hasText: number }).getByRole("link", { name: text }).first();
  await link.click();
  await page.waitForURL(new RegExp(`/dashboard/tickets/${number}`));
  await ticketShown(page);
}

it("a notification is cleared by opening its ticket, and a follower hears the client's reply", async () => {
  const stamp = Date.now();
  const dept = await e2eDb().department.create({ data: { name: `Notifikasi ${stamp}` } });
  const opd = await e2eDb().agency.create({ data: { name: `OPD Notifikasi ${stamp}` } });
  const client = await createE2eUser("CLIENT", { name: `Klien ${stamp}`, agencyId: opd.id });
  const colleague = await createE2eUser("CLIENT", { name: `Rekan ${stamp}`, agencyId: opd.id });
  const staff = await createE2eUser("STAFF", { name: `Petugas ${stamp}`, departmentId: dept.id });

  // The client files a ticket by clicking through the dashboard.
  const clientPage = await signedIn(client.username);
  await clientPage.getByRole("link", { name: "Buat Tiket" }).first().click();
  await clientPage.waitForURL(/\/dashboard\/tickets\/new/);
  await clientPage.getByLabel("Department").selectOption(dept.id);
  const subject = `Jaringan kantor putus ${stamp}`;
  await clientPage.getByLabel("Subjek").fill(subject);
  await clientPage.getByLabel("Deskripsi").fill("Sejak pagi tidak bisa terhubung.");
  await clientPage.getByRole("button", { name: "Kirim", exact: true }).click();
  await clientPage.waitForURL(/\/dashboard\/tickets\/HD-/);
  await ticketShown(clientPage);
  const number = decodeURIComponent(new URL(clientPage.url()).pathname.split("/").pop()!);

  // Staff of the department: the new ticket rings the bell; opening it from the list clears it, with no reload.
  const staffPage = await signedIn(staff.username);
  expect(await bellCount(staffPage)).toBe(1);
  await openNotification(staffPage, number, new RegExp(`Tiket baru ${number}`));
  await bellShows(staffPage, 0);
  expect(await staffPage.getByTestId("notification-count").count()).toBe(0);

  // The staff member adds the client's colleague (same OPD) as a follower; the history says who added whom.
  const followers = staffPage.getByTestId("ticket-followers");
  await followers.getByLabel("Staf, atau klien dari OPD yang sama").selectOption(colleague.id);
  await followers.getByRole("button", { name: "Tambah pengikut" }).click();
  await followers.getByTestId("follower-list").getByText(colleague.name).waitFor();
  await staffPage.getByTestId("ticket-history").getByText(`menambahkan ${colleague.name} sebagai pengikut`).waitFor();

  // The client replies on the ticket page still open in their browser.
  await clientPage.locator("#reply-body").fill("Lampu modem berkedip merah.");
  await clientPage.getByRole("button", { name: "Kirim", exact: true }).click();
  await clientPage.getByTestId("reply").filter({ hasText: "Lampu modem berkedip merah." }).waitFor();

  // The follower's bell rings; the notification opens the ticket at the reply, which they may read but not answer.
  const colleaguePage = await signedIn(colleague.username);
  expect(await bellCount(colleaguePage)).toBe(1);
  await openNotification(colleaguePage, number, new RegExp(`${client.name} membalas ${number}`));
  expect(colleaguePage.url()).toMatch(/#message-[0-9a-f-]{36}$/);
  await colleaguePage.getByTestId("reply").filter({ hasText: "Lampu modem berkedip merah." }).waitFor();
  await colleaguePage.getByTestId("no-reply-notice").waitFor();
  expect(await colleaguePage.locator("#reply-body").count()).toBe(0);
  await bellShows(colleaguePage, 0);

  // Mail went to the follower too.
  const mails = await e2eDb().emailOutbox.findMany({ where: { userId: colleague.id, kind: "clientReply" } });
  expect(mails).toHaveLength(1);
  // Four people's sessions on a shared machine: 70 s measured, the default 120 s leaves too little room.
}, 240_000);
