import type { Page } from "playwright-core";
import { baseUrl, loginAs, superAdmin, withBrowser } from "./helpers/app";
import { seriousA11yViolations } from "./helpers/axe";

/**
 * Through the browser: Super Admin adds an Admin; that Admin adds a Department, an OPD, a
 * Staff member in the department and a Client in the OPD; the Client changes their password and
 * logs in with the new one; the Admin publishes an FAQ and changes the footer, and the public
 * pages show both.
 */
const browser = withBrowser();

const ADMIN = { name: "Rina Admin E2E", username: "rina.e2e", email: "rina.e2e@diskominfo.bantenprov.go.id", password: "Kopi Tubruk Serang 01" };
const CLIENT = { name: "Siti OPD E2E", username: "siti.e2e", email: "siti.e2e@dinkes.bantenprov.go.id", password: "Teh Manis Anget 2026", newPassword: "Sate Bandeng Banten 7" };

async function fillUserForm(page: Page, user: { name: string; username: string; email: string; password: string }) {
  await page.getByLabel("Nama", { exact: true }).fill(user.name);
  await page.getByLabel("Nama pengguna (username)", { exact: true }).fill(user.username);
  await page.getByLabel("E-mail", { exact: true }).fill(user.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(user.password);
}

async function newSession(): Promise<Page> {
  const context = await browser().newContext();
  return context.newPage();
}

it("Super Admin adds an Admin, who sets up a department, an OPD, a staff member and a client", async () => {
  const sa = await newSession();
  const { username, password } = superAdmin();
  await loginAs(sa, username, password);
  await sa.goto(`${baseUrl()}/dashboard/admins`);
  await sa.getByRole("link", { name: "Add New" }).click();
  await sa.waitForURL(/\/dashboard\/admins\/new$/);
  await fillUserForm(sa, ADMIN);
  await sa.getByRole("button", { name: "Simpan", exact: true }).click();
  await sa.waitForURL(/\/dashboard\/admins$/);
  await sa.getByRole("cell", { name: new RegExp(ADMIN.name) }).waitFor();
  await sa.context().close();

  const admin = await newSession();
  await loginAs(admin, ADMIN.username, ADMIN.password);
  // An Admin has no Admin menu and cannot open the page.
  expect(await admin.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Admin", exact: true }).count()).toBe(0);
  await admin.goto(`${baseUrl()}/dashboard/admins`);
  expect(admin.url()).toBe(`${baseUrl()}/dashboard`);

  await admin.goto(`${baseUrl()}/dashboard/departments`);
  await admin.getByRole("button", { name: "Add New" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add Department" });
  await dialog.getByLabel("Department Name").fill("Jaringan & Bandwidth E2E");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await admin.getByRole("cell", { name: "Jaringan & Bandwidth E2E" }).waitFor();

  await admin.goto(`${baseUrl()}/dashboard/agencies`);
  await admin.getByRole("button", { name: "Tambah OPD" }).click();
  await admin.getByRole("dialog").getByLabel("Nama OPD").fill("Dinas Kesehatan E2E");
  await admin.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await admin.getByRole("cell", { name: "Dinas Kesehatan E2E", exact: true }).waitFor();

  await admin.goto(`${baseUrl()}/dashboard/staff/new`);
  await fillUserForm(admin, { name: "Andi Staff E2E", username: "andi.e2e", email: "andi.e2e@diskominfo.bantenprov.go.id", password: "Nasi Uduk Pandeglang 3" });
  await admin.getByLabel("Department", { exact: true }).selectOption({ label: "Jaringan & Bandwidth E2E" });
  await admin.getByLabel("Jabatan", { exact: true }).fill("Teknisi Jaringan");
  await admin.getByRole("button", { name: "Simpan", exact: true }).click();
  await admin.waitForURL(/\/dashboard\/staff$/);
  await admin.getByRole("cell", { name: "Teknisi Jaringan" }).waitFor();

  await admin.goto(`${baseUrl()}/dashboard/clients/new`);
  await fillUserForm(admin, CLIENT);
  await admin.getByLabel("OPD", { exact: true }).selectOption({ label: "Dinas Kesehatan E2E" });
  await admin.getByRole("button", { name: "Simpan", exact: true }).click();
  await admin.waitForURL(/\/dashboard\/clients$/);
  await admin.getByRole("cell", { name: "Dinas Kesehatan E2E", exact: true }).waitFor();
  await admin.context().close();
});

it("the Client changes their password, is sent to login, and logs in with the new one", async () => {
  const page = await newSession();
  await loginAs(page, CLIENT.username, CLIENT.password);
  await page.goto(`${baseUrl()}/dashboard/password`);
  await page.getByLabel("Kata sandi saat ini").fill("bukan-password-lama");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(CLIENT.newPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(CLIENT.newPassword);
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  expect(await page.getByText("Password saat ini salah.").textContent()).toBe("Password saat ini salah.");

  await page.getByLabel("Kata sandi saat ini").fill(CLIENT.password);
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await page.waitForURL(/\/login\?notice=password-changed/);
  await page.getByText("Password Anda telah diganti").waitFor();
  await page.getByLabel(/Username/).fill(CLIENT.username);
  await page.getByLabel("Password").fill(CLIENT.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  expect(await page.locator("form [role=alert]").textContent()).toBe("Username/e-mail atau password salah.");
  await loginAs(page, CLIENT.username, CLIENT.newPassword);
  expect(page.url()).toContain("/dashboard");
  await page.context().close();
});

it("the Admin publishes an FAQ and changes the footer; the public pages show both", async () => {
  const admin = await newSession();
  await loginAs(admin, ADMIN.username, ADMIN.password);
  await admin.goto(`${baseUrl()}/dashboard/faq`);
  await admin.getByRole("link", { name: "Add New" }).click();
  await admin.waitForURL(/\/dashboard\/faq\/new$/);
  await admin.getByLabel("Department").selectOption({ label: "Jaringan & Bandwidth E2E" });
  await admin.getByLabel("Subjek").fill("Internet kantor lambat di sore hari");
  await admin.getByLabel("Deskripsi").fill("Periksa pemakaian bandwidth dan restart router lantai.");
  await admin.getByRole("button", { name: "Submit" }).click();
  await admin.waitForURL(/\/dashboard\/faq$/);

  await admin.goto(`${baseUrl()}/dashboard/settings?tab=footer`);
  await admin.getByLabel("Teks footer").fill("Layanan Helpdesk Diskominfo Banten — Senin s.d. Jumat 08.00–16.00");
  await admin.getByRole("button", { name: "Submit" }).click();
  await admin.getByText("Pengaturan tersimpan.").waitFor();
  await admin.context().close();

  const visitor = await newSession();
  await visitor.goto(`${baseUrl()}/faq`);
  await visitor.getByRole("heading", { name: "Jaringan & Bandwidth E2E" }).waitFor();
  expect(await visitor.getByText("Internet kantor lambat di sore hari").count()).toBe(1);
  await visitor.getByRole("searchbox").fill("bandwidth restart");
  await visitor.getByRole("button", { name: "Cari" }).click();
  await visitor.waitForURL(/q=bandwidth/);
  expect(await visitor.getByText("Internet kantor lambat di sore hari").count()).toBe(1);
  expect(await visitor.getByTestId("footer-text").textContent()).toBe("Layanan Helpdesk Diskominfo Banten — Senin s.d. Jumat 08.00–16.00");
  const suggestions = await (await fetch(`${baseUrl()}/api/faq/suggest?q=internet%20lamb`)).json();
  expect(suggestions).toEqual([expect.objectContaining({ subject: "Internet kantor lambat di sore hari", department: "Jaringan & Bandwidth E2E" })]);
  await visitor.context().close();
});

const SUPER_ADMIN_PAGES = [
  "/dashboard/admins",
  "/dashboard/admins/new",
  "/dashboard/staff",
  "/dashboard/staff/new",
  "/dashboard/clients",
  "/dashboard/clients/new",
  "/dashboard/departments",
  "/dashboard/agencies",
  "/dashboard/faq",
  "/dashboard/faq/new",
  "/dashboard/settings?tab=general",
  "/dashboard/settings?tab=footer",
  "/dashboard/settings?tab=ticket",
  "/dashboard/profile",
  "/dashboard/password",
  "/dashboard/audit",
  "/faq",
];

it("every people/configuration page, the department modal and the public FAQ have no serious accessibility violation", async () => {
  const context = await browser().newContext();
  const page = await context.newPage();
  const { username, password } = superAdmin();
  await loginAs(page, username, password);
  const found: Record<string, string[]> = {};
  for (const path of SUPER_ADMIN_PAGES) {
    await page.goto(`${baseUrl()}${path}`);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    const violations = await seriousA11yViolations(page);
    if (violations.length) found[path] = violations;
  }
  await page.goto(`${baseUrl()}/dashboard/departments`);
  await page.getByRole("button", { name: "Add New" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await page.getByRole("dialog").getByText("Wajib diisi.").waitFor();
  const modal = await seriousA11yViolations(page);
  if (modal.length) found["department modal"] = modal;
  expect(found).toEqual({});
  await context.close();
});
