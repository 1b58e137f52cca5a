import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { baseUrl, createE2eUser, e2eDb, E2E_PASSWORD, loginAs, sessionCookie, ticketListShown, ticketShown, withBrowser } from "./helpers/app";

/**
 * A phone (390×844, touch): the ticket list is read as cards without sideways scrolling, the first
 * ticket is on the first screen, rows are selected by touch for a bulk action, and the ticket page
 * with its reply box fits. Screenshots go to E2E_SCREENSHOTS (default: a folder in the temp dir).
 */

const browser = withBrowser();
const shots = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), "helpdesk-e2e-phone");
const PHONE = { width: 390, height: 844 };

/** Everything that sticks out of the viewport and is not inside a scrolling or clipping box. */
async function overflowing(page: Page): Promise<{ scrollWidth: number; width: number; outside: string[] }> {
  // A mobile browser widens its layout viewport to fit content that sticks out, so the screen's own
  // width is the measure, and innerWidth is reported: more than 390 means something did stick out.
  return page.evaluate((width) => {
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const outside: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (!r.width || getComputedStyle(el).visibility === "hidden") continue;
      if ((r.right > width + 1 || r.left < -1) && !clipped(el)) outside.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, outside: outside.slice(0, 10) };
  }, PHONE.width);
}

async function fits(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  expect(await overflowing(page)).toEqual({ scrollWidth: PHONE.width, width: PHONE.width, outside: [] });
}

async function phone(b: Browser, username: string): Promise<Page> {
  const context = await b.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: "id-ID" });
  const page = await context.newPage();
  await loginAs(page, username, E2E_PASSWORD);
  return page;
}

describe("on a phone (390×844)", () => {
  let staff: { username: string };
  let client: { username: string };
  const subject = `Koneksi internet ruang rapat lantai dua terputus sejak pembaruan perangkat ${Date.now()}`;

  beforeAll(async () => {
    const db = e2eDb();
    const department = await db.department.create({ data: { name: `Jaringan Ponsel ${Date.now()}` } });
    const agency = await db.agency.create({ data: { name: `Dinas Pekerjaan Umum dan Penataan Ruang ${Date.now()}` } });
    staff = await createE2eUser("STAFF", { name: "Budi Santoso Ponsel", departmentId: department.id });
    client = await createE2eUser("CLIENT", { name: "Rina Wulandari Ponsel", agencyId: agency.id });
    const cookie = await sessionCookie(client.username, E2E_PASSWORD);
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${baseUrl()}/api/tickets`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ departmentId: department.id, subject: `${subject} #${i}`, description: "Sejak pagi internet tidak stabil; ada rapat dengan pimpinan siang ini.", priority: "HIGH" }),
      });
      expect(res.status).toBe(201);
    }
  });

  it("staff read the list as cards, select rows by touch, and the ticket page with its reply box fits", async () => {
    const page = await phone(browser(), staff.username);
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).tap();
    await page.waitForURL(/\/dashboard\/tickets$/);
    await ticketListShown(page);
    const first = page.locator("[data-testid=ticket-row]", { hasText: subject }).first();
    await first.waitFor();
    const box = (await first.boundingBox())!;
    expect(box.y).toBeLessThan(PHONE.height);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // Each card names its fields, since the column headers are not shown.
    // (the name is drawn before the cell from its data-label, so it is not in the text)
    const status = first.locator('td[data-label="Status"]');
    expect(await status.innerText()).toBe("Terbuka");
    expect(await status.evaluate((td) => getComputedStyle(td, "::before").content)).toMatch(/Status|data-label/);
    await fits(page, "staff-list");

    // Filters beyond the search open on request.
    await expect(page.getByLabel("Prioritas", { exact: true }).isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Filter lainnya" }).tap();
    await expect(page.getByLabel("Prioritas", { exact: true }).isVisible()).resolves.toBe(true);
    await fits(page, "staff-list-filters");

    const rows = page.locator("[data-testid=ticket-row]", { hasText: subject });
    await rows.nth(0).getByRole("checkbox").tap();
    await rows.nth(1).getByRole("checkbox").tap();
    await page.getByTestId("bulk-toolbar").getByText("2 tiket dipilih").waitFor();
    await fits(page, "staff-list-selected");

    await rows.nth(0).getByRole("link").first().tap();
    await page.waitForURL(/\/dashboard\/tickets\/HD-/);
    await ticketShown(page);
    const reply = page.locator("#reply-body");
    await reply.waitFor();
    const r = (await reply.boundingBox())!;
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(PHONE.width);
    await fits(page, "staff-ticket");
    await page.context().close();
  });

  it("a client's list and ticket page fit too", async () => {
    const page = await phone(browser(), client.username);
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tiket", exact: true }).tap();
    await page.waitForURL(/\/dashboard\/tickets$/);
    await ticketListShown(page);
    const first = page.locator("[data-testid=ticket-row]", { hasText: subject }).first();
    await first.waitFor();
    expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height);
    await fits(page, "client-list");
    await first.getByRole("link").first().tap();
    await page.waitForURL(/\/dashboard\/tickets\/HD-/);
    await ticketShown(page);
    await fits(page, "client-ticket");
    await page.context().close();
  });
});
