import { baseUrl, createE2eUser, E2E_PASSWORD, e2eDb, loginAs, withBrowser } from "./helpers/app";
import { seriousA11yViolations } from "./helpers/axe";
import id from "@/messages/id.json";

const browser = withBrowser();

/** Each public page and the description its metadata gives (Indonesian, the default). */
const DESCRIPTIONS: Record<string, string> = {
  "/": id.meta.description,
  "/tentang": id.about.metaDescription,
  "/kontak": id.contact.metaDescription,
  "/faq": id.faq.publicLead,
  "/login": id.login.subtitle,
};
const PUBLIC_PAGES = Object.keys(DESCRIPTIONS);

describe.each(PUBLIC_PAGES)("%s", (path) => {
  it("has no serious or critical accessibility violation, a title, a description and lang", async () => {
    const context = await browser().newContext(); // axe needs a page from an explicit context
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${path}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.title()).toMatch(/Helpdesk Provinsi Banten/);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe(DESCRIPTIONS[path]);
    expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    await context.close();
  });

  it("fits a 360 px wide phone without sideways scrolling", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl()}${path}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("is rendered on the server: its main heading is there without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${path}`);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    await context.close();
  });
});

it("Beranda's Buat Tiket sends a visitor to login and, after login, to the new-ticket form", async () => {
  const client = await createE2eUser("CLIENT");
  const page = await browser().newPage();
  await page.goto(baseUrl());
  await page.getByRole("link", { name: "Buat Tiket" }).click();
  await page.waitForURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Username atau e-mail").fill(client.username);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl()}/dashboard/tickets/new`);
  await page.goto(baseUrl());
  expect(await page.getByRole("link", { name: "Dashboard" }).count()).toBe(1);
  expect(await page.getByRole("link", { name: "Login" }).count()).toBe(0);
  await page.close();
});

it("a visitor sends a contact message; an admin sees it in the inbox, markup as plain text, and converts it to a ticket", async () => {
  const subject = `<img src=x onerror=alert(1)> Akun baru ${Date.now()}`;
  const page = await browser().newPage();
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(`${baseUrl()}/kontak`);
  await page.getByLabel("Nama").fill("Rina <b>Kusuma</b>");
  await page.getByLabel("E-mail").fill("rina@dinkes.bantenprov.go.id");
  await page.getByLabel(/OPD/).fill("Dinas Kesehatan");
  await page.getByLabel("Subjek").fill(subject);
  await page.getByLabel("Pesan").fill("<script>alert('x')</script>\nMohon dibuatkan akun.");
  await page.waitForTimeout(3_100); // a person needs a few seconds; the form refuses bots that don't
  await page.getByRole("button", { name: "Kirim" }).click();
  expect(await page.getByRole("status").textContent()).toContain("pesan Anda telah terkirim");

  const admin = await createE2eUser("ADMIN");
  const adminPage = await browser().newPage();
  adminPage.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await loginAs(adminPage, admin.username, E2E_PASSWORD);
  await adminPage.getByRole("link", { name: "Pesan Kontak" }).click();
  await adminPage.waitForURL(/\/dashboard\/inbox$/);
  await adminPage.getByRole("link", { name: subject }).click();
  await adminPage.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}$/);
  expect(await adminPage.getByRole("heading", { level: 1 }).textContent()).toBe(subject);
  expect(await adminPage.getByTestId("contact-message-body").textContent()).toContain("<script>alert('x')</script>");
  expect(await adminPage.getByText("Rina <b>Kusuma</b>").count()).toBe(1);

  // Convert to a ticket: the sender has no account yet, so one is made in the chosen OPD.
  const department = await e2eDb().department.create({ data: { name: `Aplikasi ${Date.now()}` } });
  const agency = await e2eDb().agency.upsert({ where: { name: "Dinas Kesehatan" }, update: {}, create: { name: "Dinas Kesehatan" } });
  await adminPage.reload();
  await adminPage.getByLabel("Department").selectOption(department.id);
  expect(await adminPage.getByLabel("OPD (untuk akun Client baru)").inputValue()).toBe(agency.id); // matched from the message's OPD field
  await adminPage.getByRole("button", { name: "Jadikan tiket" }).click();
  // The page re-renders from the server: the form gives way to a link to the new ticket.
  const ticketLink = adminPage.getByRole("link", { name: /^Sudah dijadikan tiket HD-\d{4}-\d+\.$/ });
  await ticketLink.waitFor();
  await ticketLink.click();
  await adminPage.waitForURL(/\/dashboard\/tickets\/HD-/);
  expect(await adminPage.getByText(subject).first().textContent()).toContain(subject);

  const saved = await e2eDb().contactMessage.findFirstOrThrow({ where: { subject } });
  expect(saved.status).toBe("HANDLED");
  const ticket = await e2eDb().ticket.findUniqueOrThrow({ where: { id: saved.convertedTicketId! }, include: { client: true } });
  expect(ticket.client).toMatchObject({ email: "rina@dinkes.bantenprov.go.id", role: "CLIENT", agencyId: agency.id });
  expect(dialogs).toBe(0);
  await page.close();
  await adminPage.close();
});

it("the contact form works with JavaScript turned off", async () => {
  const context = await browser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const subject = `Tanpa JavaScript ${Date.now()}`;
  await page.goto(`${baseUrl()}/kontak`);
  await page.getByLabel("Nama").fill("Budi");
  await page.getByLabel("E-mail").fill("budi@dishub.bantenprov.go.id");
  await page.getByLabel("Subjek").fill(subject);
  await page.getByLabel("Pesan").fill("Halo dari peramban tanpa JavaScript.");
  await page.waitForTimeout(3_100);
  await page.getByRole("button", { name: "Kirim" }).click();
  await page.waitForLoadState("load");
  expect(await page.getByRole("status").textContent()).toContain("pesan Anda telah terkirim");
  expect(await e2eDb().contactMessage.count({ where: { subject } })).toBe(1);
  await context.close();
});

it("the inbox refuses visitors and clients", async () => {
  const res = await fetch(`${baseUrl()}/dashboard/inbox`, { redirect: "manual" });
  expect(res.status).toBe(307);
  expect(res.headers.get("location")).toMatch(/\/login/);
});
