import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDepartmentAction, renameDepartmentAction, setDepartmentActiveAction } from "@/app/(dashboard)/dashboard/departments/actions";
import { createAgencyAction, renameAgencyAction } from "@/app/(dashboard)/dashboard/agencies/actions";
import { createFaqAction, setFaqPublishedAction, updateFaqAction } from "@/app/(dashboard)/dashboard/faq/actions";
import { updateFooterSettingsAction, updateGeneralSettingsAction, updateTicketSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions";
import { GET as suggest } from "@/app/api/faq/suggest/route";
import { GET as getLogo } from "@/app/api/logo/route";
import { getSettings } from "@/lib/dal/settings";
import { listActiveDepartments } from "@/lib/dal/departments";
import { searchPublishedFaqs } from "@/lib/dal/faq";
import { listAuditLog } from "@/lib/dal/audit";
import { DEFAULT_SETTINGS } from "@/lib/validation/settings";
import { actAs, createUser } from "./helpers/factories";
import { formData, pngFile } from "./helpers/images";
import { testDb } from "./helpers/test-db";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-config-"));
process.env.HELPDESK_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const generalForm = (overrides: Record<string, string | File> = {}) => {
  const { logo: _logo, ...g } = DEFAULT_SETTINGS.general;
  return formData({ ...g, ...overrides });
};

describe("departments (screens 17–18)", () => {
  it("adds, renames and deactivates a department; deactivated ones leave the selects but stay in the database", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const created = await createDepartmentAction({ name: "  Server & Hosting " });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    expect(await renameDepartmentAction({ id, name: "Server, Hosting & Cloud" })).toMatchObject({ ok: true });
    expect(await setDepartmentActiveAction({ id, active: false })).toMatchObject({ ok: true });
    expect(await testDb().department.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Server, Hosting & Cloud", active: false });
    expect((await listActiveDepartments()).map((d) => d.id)).not.toContain(id);
  });

  it.each([
    ["empty", "   ", "Wajib diisi."],
    ["300 characters", "D".repeat(300), "Maksimal 150 karakter."],
  ])("refuses a %s name with a field error", async (_l, name, message) => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const before = await testDb().department.count();
    expect(await createDepartmentAction({ name })).toMatchObject({ ok: false, fieldErrors: { name: message } });
    expect(await testDb().department.count()).toBe(before);
  });

  it("refuses a duplicate name in another case", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await testDb().department.create({ data: { name: "Aplikasi" } });
    await actAs(admin);
    expect(await createDepartmentAction({ name: "APLIKASI" })).toEqual({ ok: false, fieldErrors: { name: "Nama department sudah ada." } });
  });
});

describe("agencies (OPD)", () => {
  it("adds and renames an agency", async () => {
    const admin = await createUser({ role: "SUPER_ADMIN" });
    await actAs(admin);
    const created = await createAgencyAction({ name: "Dinas Kesehatan" });
    const id = (created as { data: { id: string } }).data.id;
    expect(await renameAgencyAction({ id, name: "Dinas Kesehatan Provinsi Banten" })).toMatchObject({ ok: true });
    expect((await testDb().agency.findUniqueOrThrow({ where: { id } })).name).toBe("Dinas Kesehatan Provinsi Banten");
  });
});

describe("FAQ (screens 15–16) and the public search", () => {
  it("a published FAQ is found by the suggestion route; an unpublished one is not", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await testDb().department.create({ data: { name: "Jaringan" } });
    await actAs(admin);
    const created = await createFaqAction({ departmentId: dept.id, subject: "Internet kantor lambat", description: "Periksa kabel LAN dan restart router.", published: true });
    expect(created).toMatchObject({ ok: true });
    const hidden = await createFaqAction({ departmentId: dept.id, subject: "Internet rahasia", description: "draf", published: false });
    const res = await suggest(new Request("http://localhost/api/faq/suggest?q=internet%20lamb"));
    expect(await res.json()).toEqual([{ id: (created as { data: { id: string } }).data.id, subject: "Internet kantor lambat", department: "Jaringan" }]);

    const hiddenId = (hidden as { data: { id: string } }).data.id;
    expect(await setFaqPublishedAction({ id: hiddenId, published: true })).toMatchObject({ ok: true });
    expect((await searchPublishedFaqs("rahasia", 5)).map((f) => f.id)).toEqual([hiddenId]);
    expect(await updateFaqAction({ id: hiddenId, departmentId: dept.id, subject: "Internet rahasia", description: "draf", published: false })).toMatchObject({ ok: true });
    expect(await searchPublishedFaqs("rahasia", 5)).toEqual([]);
  });

  it("search input cannot inject tsquery syntax", async () => {
    expect(await searchPublishedFaqs("a & | ! ( ) :* '", 5)).toEqual([]);
    const res = await suggest(new Request("http://localhost/api/faq/suggest?q=%27%29%3B%20DROP%20TABLE"));
    expect(res.status).toBe(200);
  });
});

describe("settings (screen 19)", () => {
  it("saves the footer text; getSettings (the public footer) reads it", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const result = await updateFooterSettingsAction({ text: "Diskominfo Banten — layanan 24 jam", links: [{ label: "Banten", url: "https://bantenprov.go.id" }] });
    expect(result).toMatchObject({ ok: true });
    expect((await getSettings("footer")).text).toBe("Diskominfo Banten — layanan 24 jam");
  });

  it("refuses an unknown field and a negative max size, and keeps the stored value", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const unknown = await updateTicketSettingsAction({ ...DEFAULT_SETTINGS.ticket, isAdmin: true });
    expect(unknown).toMatchObject({ ok: false, formError: "Ada isian yang tidak dikenal." });
    const negative = await updateTicketSettingsAction({ ...DEFAULT_SETTINGS.ticket, maxFileSizeMb: -1 });
    expect(negative).toMatchObject({ ok: false, fieldErrors: { maxFileSizeMb: "Minimal 1." } });
    expect(await testDb().setting.findUnique({ where: { key: "ticket" } })).toBeNull();
  });

  it("saves a logo as a re-encoded webp served by /api/logo; a 30 MB logo is refused", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    expect(await updateGeneralSettingsAction(generalForm({ appName: "Helpdesk Banten", logo: await pngFile("logo.png") }))).toMatchObject({ ok: true });
    const res = await getLogo();
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = await getSettings("general");
    const huge = new File([new Uint8Array(30 * 1024 * 1024)], "logo.png", { type: "image/png" });
    expect(await updateGeneralSettingsAction(generalForm({ appName: "Lain", logo: huge }))).toMatchObject({ ok: false, fieldErrors: { logo: "Ukuran berkas maksimal 2 MB." } });
    expect(await getSettings("general")).toEqual(stored);
  });

  it("the client cannot choose the stored logo file name", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const result = await updateGeneralSettingsAction({ ...DEFAULT_SETTINGS.general, logo: "../../etc/passwd" });
    expect(result).toMatchObject({ ok: false });
  });
});

describe("audit log page data", () => {
  it("lists settings changes for a Super Admin with filters; an Admin is refused", async () => {
    const sa = await createUser({ role: "SUPER_ADMIN" });
    const admin = await createUser({ role: "ADMIN", username: "pengubah" });
    await actAs(admin);
    await updateFooterSettingsAction({ text: "Teks baru", links: [] });
    const result = await listAuditLog(sa, { action: "settings.footer", actor: "pengubah", page: 1 });
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.rows[0]).toMatchObject({ action: "settings.footer", actor: { username: "pengubah" }, after: { text: "Teks baru" } });
    const future = await listAuditLog(sa, { action: "settings.footer", from: new Date(Date.now() + 86_400_000), page: 1 });
    expect(future.total).toBe(0);
    await expect(listAuditLog({ ...admin, avatar: null }, { page: 1 })).rejects.toMatchObject({ reason: "forbidden" });
  });
});

describe("footer links", () => {
  it("refuses a javascript: link and keeps the stored footer", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    const before = await getSettings("footer");
    const result = await updateFooterSettingsAction({ text: "x", links: [{ label: "Klik", url: "javascript:alert(1)" }] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "links.0.url": "Alamat URL tidak valid." } });
    expect(await getSettings("footer")).toEqual(before);
  });
});
