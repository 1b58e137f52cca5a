import { ImapFlow } from "imapflow";
import type { Browser, Page } from "playwright-core";
import type { ParsedMail } from "mailparser";
import { baseUrl, closeE2eDb, createE2eUser, e2eDb, E2E_PASSWORD, launchBrowser, loginAs, ticketShown } from "./helpers/app";
import { startTestSmtp, type TestSmtp } from "../integration/helpers/mail";
import { rawMail } from "../integration/helpers/raw-mail";

/**
 * Mail end to end: `npm start` sends through a real SMTP server (smtp-server, here) and reads a real
 * Dovecot mailbox (.ci/run starts it; E2E_IMAP_PORT).
 */
let browser: Browser;
let smtp: TestSmtp;
beforeAll(async () => {
  browser = await launchBrowser();
  smtp = await startTestSmtp(Number(process.env.E2E_SMTP_PORT));
});
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
  await closeE2eDb();
});

async function mailTo(address: string, match: (m: ParsedMail) => boolean, timeoutMs = 60_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.to(address).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${address}; got: ${smtp.accepted.map((m) => m.subject).join(" | ")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const linkIn = (mail: ParsedMail, pattern: RegExp) => {
  const m = pattern.exec(mail.text ?? "");
  if (!m) throw new Error(`no link in: ${mail.text}`);
  return m[0];
};

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function deliverToMailbox(raw: Buffer) {
  const client = new ImapFlow({ host: "127.0.0.1", port: Number(process.env.E2E_IMAP_PORT), secure: false, auth: { user: "helpdesk", pass: "helpdesk-imap" }, logger: false });
  await client.connect();
  await client.append("INBOX", raw);
  await client.logout();
}

it("client files a ticket, staff reply, the client's mail arrives with a working link, and the client's answer by mail appears on the ticket", async () => {
  const suffix = Date.now().toString(36);
  const dept = await e2eDb().department.create({ data: { name: `Website E2E Mail ${suffix}` } });
  const client = await createE2eUser("CLIENT", { name: "Rina Klien" });
  const staff = await createE2eUser("STAFF", { name: "Dodi Petugas", departmentId: dept.id });

  const c = await newPage();
  await loginAs(c, client.username, E2E_PASSWORD);
  await c.goto(`${baseUrl()}/dashboard/tickets/new`);
  await c.getByLabel("Department").selectOption(dept.id);
  await c.getByLabel("Subjek").fill("Website dinas tidak bisa diakses");
  await c.getByLabel("Deskripsi").fill("Muncul error 502 sejak pagi.");
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.waitForURL(/\/dashboard\/tickets\/HD-\d{4}-\d{6}$/);
  const number = decodeURIComponent(c.url().split("/").pop()!);

  // The department's staff are told by mail.
  const toStaff = await mailTo(staff.email, (m) => m.subject?.includes(number) ?? false);
  expect(toStaff.subject).toBe(`[${number}] Tiket baru di ${dept.name}: Website dinas tidak bisa diakses`);

  const s = await newPage();
  await loginAs(s, staff.username, E2E_PASSWORD);
  await s.goto(`${baseUrl()}/dashboard/tickets/${number}`);
  await ticketShown(s);
  await s.getByLabel("Balas", { exact: true }).fill("Server sudah kami restart, silakan dicoba lagi.");
  await s.getByRole("button", { name: "Kirim", exact: true }).click();
  await s.getByTestId("reply").filter({ hasText: "Server sudah kami restart" }).waitFor();

  // The client's mail arrives, in HTML and text, with a link that opens the ticket.
  const toClient = await mailTo(client.email, (m) => m.subject === `[${number}] Balasan baru: Website dinas tidak bisa diakses`);
  expect(toClient.text).toContain("Server sudah kami restart, silakan dicoba lagi.");
  expect(toClient.html).toContain("Server sudah kami restart");
  const preview = await newPage();
  await preview.setContent(String(toClient.html));
  await preview.screenshot({ path: "/tmp/helpdesk-e2e-mail-staff-reply.png", fullPage: true });
  await preview.close();
  const link = linkIn(toClient, new RegExp(`${baseUrl()}/dashboard/tickets/[A-Z0-9-]+`));
  await c.goto(link);
  await c.getByTestId("reply").filter({ hasText: "Server sudah kami restart" }).waitFor();

  // The client answers by mail (to the Reply-To the mail carried); the poller adds it to the ticket.
  await deliverToMailbox(
    await rawMail({
      from: `Rina Klien <${client.email}>`,
      to: toClient.replyTo!.text,
      subject: `Re: ${toClient.subject}`,
      messageId: `<reply-${suffix}@opd.example.go.id>`,
      inReplyTo: toClient.messageId,
      references: toClient.messageId,
      text: `Sudah bisa dibuka lagi, terima kasih.\n\nPada hari ini, Helpdesk menulis:\n> ${toClient.text?.split("\n")[0]}`,
    }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    await c.reload();
    await ticketShown(c);
    if ((await c.getByTestId("reply").filter({ hasText: "Sudah bisa dibuka lagi, terima kasih." }).count()) > 0) break;
    if (Date.now() > deadline) throw new Error("the mailed reply did not appear on the ticket page");
    await new Promise((r) => setTimeout(r, 2000));
  }
  expect(await c.getByText("Pada hari ini, Helpdesk menulis").count()).toBe(0); // quoted history stripped
  await c.screenshot({ path: "/tmp/helpdesk-e2e-ticket-mail-reply.png", fullPage: true });
  // And the staff member hears of the client's answer by mail.
  await mailTo(staff.email, (m) => m.subject === `[${number}] Client membalas: Website dinas tidak bisa diakses`);
});

it("Lupa password? → mail → new password → login", async () => {
  const user = await createE2eUser("CLIENT", { name: "Lupa Sandi" });
  const page = await newPage();
  await page.goto(`${baseUrl()}/login`);
  await page.getByRole("link", { name: "Lupa password?" }).click();
  await page.waitForURL(/\/lupa-password$/);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await page.getByRole("status").waitFor();
  expect(await page.getByRole("status").textContent()).toContain("Jika alamat tersebut terdaftar");
  await page.screenshot({ path: "/tmp/helpdesk-e2e-forgot.png" });

  const mail = await mailTo(user.email, (m) => m.subject?.startsWith("Atur ulang password") ?? false);
  const link = linkIn(mail, new RegExp(`${baseUrl()}/reset-password\\?token=[A-Za-z0-9_-]+`));
  await page.goto(link);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("Sandi-Baru-Lewat-Email-1");
  await page.getByLabel("Ulangi kata sandi baru", { exact: true }).fill("Sandi-Baru-Lewat-Email-1");
  await page.getByRole("button", { name: "Simpan password" }).click();
  await page.getByRole("status").waitFor();
  await page.screenshot({ path: "/tmp/helpdesk-e2e-reset-done.png" });

  // The same link does not work twice.
  await page.goto(link);
  await page.getByText("Tautan ini tidak berlaku").waitFor();

  await loginAs(page, user.username, "Sandi-Baru-Lewat-Email-1");
  expect(page.url()).toMatch(/\/dashboard/);
});

it("Super Admin: Settings → E-mail shows sending on, sends a test mail, lists the outbox; a client sets their mail choices", async () => {
  const { superAdmin } = await import("./helpers/app");
  const { seriousA11yViolations } = await import("./helpers/axe");
  const page = await newPage();
  await loginAs(page, superAdmin().username, superAdmin().password);
  await page.goto(`${baseUrl()}/dashboard/settings`);
  await page.getByRole("link", { name: "E-mail", exact: true }).click();
  await page.waitForURL(/\/dashboard\/settings\/email$/);
  expect(await page.getByRole("heading", { name: /Pengiriman \(SMTP\)/ }).textContent()).toContain("Aktif");
  await page.getByLabel("Kirim ke").fill("uji-e2e@bantenprov.go.id");
  await page.getByRole("button", { name: "Kirim e-mail uji" }).click();
  await page.getByRole("status").filter({ hasText: "E-mail uji masuk antrean" }).waitFor();
  await mailTo("uji-e2e@bantenprov.go.id", (m) => m.subject === "E-mail uji dari Helpdesk Provinsi Banten");
  await page.reload();
  expect(await page.getByRole("table").textContent()).toContain("uji-e2e@bantenprov.go.id");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: "/tmp/helpdesk-e2e-settings-email.png", fullPage: true });

  const client = await createE2eUser("CLIENT");
  const c = await newPage();
  await loginAs(c, client.username, E2E_PASSWORD);
  await c.goto(`${baseUrl()}/dashboard/profile`);
  await c.getByLabel("Staff membalas tiket saya").uncheck();
  await c.getByLabel("Bahasa e-mail").selectOption("en");
  await c.getByRole("button", { name: "Simpan", exact: true }).last().click();
  await c.getByRole("status").filter({ hasText: "Profil tersimpan." }).waitFor();
  expect(await seriousA11yViolations(c)).toEqual([]);
  await c.screenshot({ path: "/tmp/helpdesk-e2e-profile-mail.png", fullPage: true });
  expect(await e2eDb().user.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ locale: "en", emailOptOut: ["staffReply"] });
});
