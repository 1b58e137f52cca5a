import { updateFooterSettingsAction, updateGeneralSettingsAction, updateTicketSettingsAction } from "@/app/(site)/(dashboard)/dashboard/settings/actions";
import { GET as getLogo } from "@/app/api/logo/route";
import { getSettings } from "@/lib/dal/settings";
import { DEFAULT_SETTINGS } from "@/lib/validation/settings";
import { actAs, createUser } from "./helpers/factories";
import { formData, pngFile } from "./helpers/images";
import { withTempDataDir } from "./helpers/tickets";
import { testDb } from "./helpers/test-db";

withTempDataDir();

const generalForm = (overrides: Record<string, string | File> = {}) => {
  const { logo: _logo, ...g } = DEFAULT_SETTINGS.general;
  return formData({ ...g, ...overrides });
};

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
