import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import type { ParsedMail } from "mailparser";
import { baseUrl, closeE2eDb, createE2eUser, e2eDb, E2E_PASSWORD, launchBrowser, loginAs, ticketShown } from "./helpers/app";
import { startTestSmtp, type TestSmtp } from "../integration/helpers/mail";

/**
 * Survei Kepuasan Masyarakat end to end: the client resolves their ticket, answers the survey from the
 * mailed one-time link without logging in, and the admin finds the answer in Laporan → SKM and prints
 * the A4 report (a PDF rendered by Chromium, read back with pdf.js).
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

async function mailTo(address: string, match: (m: ParsedMail) => boolean, timeoutMs = 90_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.to(address).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${address}; got: ${smtp.accepted.map((m) => m.subject).join(" | ")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(os.tmpdir(), `skm-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, "helpers/pdf-text.mjs"), file], { timeout: 60_000 });
    return stdout.replace(/\s+/g, " ");
  } finally {
    fs.rmSync(file, { force: true });
  }
}

it("a client rates through the mailed link without logging in; the admin sees it in Laporan → SKM and prints it", async () => {
  const suffix = Date.now().toString(36);
  const dept = await e2eDb().department.create({ data: { name: `Jaringan SKM ${suffix}` } });
  const client = await createE2eUser("CLIENT", { name: "Sinta Responden" });
  const admin = await createE2eUser("ADMIN", { name: "Admin SKM" });

  const c = await newPage();
  await loginAs(c, client.username, E2E_PASSWORD);
  await c.goto(`${baseUrl()}/dashboard/tickets/new`);
  await c.getByLabel("Department").selectOption(dept.id);
  await c.getByLabel("Subjek").fill("VPN kantor terputus");
  await c.getByLabel("Deskripsi").fill("Tidak bisa terhubung sejak pagi.");
  await c.getByRole("button", { name: "Kirim", exact: true }).click();
  await c.waitForURL(/\/dashboard\/tickets\/HD-\d{4}-\d{6}$/);
  const number = decodeURIComponent(c.url().split("/").pop()!);
  await ticketShown(c);

  // The client resolves it; the ticket page offers the survey at once, and the mail brings the link.
  await c.getByRole("button", { name: "Tandai selesai" }).click();
  await c.getByTestId("ticket-status").filter({ hasText: "Selesai" }).waitFor();
  await c.getByTestId("ticket-skm").getByTestId("skm-form").waitFor();
  const mail = await mailTo(client.email, (m) => (m.subject ?? "").includes(number) && (m.text ?? "").includes("/survei/"));
  expect(mail.subject).toBe(`[${number}] Mohon nilai layanan kami`);
  const link = /https?:\/\/\S+\/survei\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];

  // A browser that never logged in.
  const v = await newPage();
  await v.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await v.getByTestId("skm-ticket").filter({ hasText: number }).waitFor();
  const form = v.getByTestId("skm-form");
  await form.waitFor();
  const answers = { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 4, u7: 4, u8: 3, u9: 4 };
  for (const [code, value] of Object.entries(answers)) await form.locator(`input[name="${code}"][value="${value}"]`).check();
  await v.getByLabel("Jenis kelamin").selectOption("P");
  await v.getByLabel("Umur (tahun)").fill("31");
  await v.getByLabel("Saran dan masukan").fill("Respons cepat, terima kasih.");
  await v.getByRole("button", { name: "Kirim survei" }).click();
  await v.getByTestId("skm-thanks").waitFor();

  // The link is spent: opening it again says so (a page, not an error).
  const again = await v.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  expect(again?.status()).toBe(200);
  expect(await v.getByTestId("skm-link-state").textContent()).toContain("sudah diisi");
  const stored = await e2eDb().skmResponse.findFirstOrThrow({ where: { departmentId: dept.id } });
  expect(stored).toMatchObject({ channel: "email", u1: 4, u3: 3, gender: "P", age: 31, suggestion: "Respons cepat, terima kasih." });

  // The admin: Laporan → SKM for this department. 4,4,3,4,4,4,4,3,4 → Σ NRR 34 ÷ 9 × 25 = 94,44 → A.
  const a = await newPage();
  await loginAs(a, admin.username, E2E_PASSWORD);
  await a.goto(`${baseUrl()}/dashboard/reports/skm?department=${dept.id}`);
  expect(await a.getByTestId("skm-respondents").textContent()).toBe("1");
  expect(await a.getByTestId("skm-ikm").textContent()).toBe("94,44");
  expect(await a.getByTestId("skm-grade").textContent()).toBe("A (Sangat Baik)");
  expect(await a.getByText("Respons cepat, terima kasih.").count()).toBe(1);

  await a.getByTestId("skm-print-link").click();
  await a.getByTestId("skm-print").waitFor();
  const text = await pdfText(await a.pdf({ format: "A4", printBackground: true }));
  expect(text.toUpperCase()).toContain("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT");
  // The sentence of section IV; a printed line may break anywhere in it.
  expect(text).toMatch(/periode ini adalah 94,44, mutu pelayanan A \(Sangat Baik\)/);
  expect(text).toContain("Waktu penyelesaian");
  expect(text).not.toContain("Cetak"); // the print button stays off paper
});
