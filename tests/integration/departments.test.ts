import { createDepartmentAction, renameDepartmentAction, setDepartmentActiveAction } from "@/app/(site)/(dashboard)/dashboard/departments/actions";
import { createAgencyAction, renameAgencyAction } from "@/app/(site)/(dashboard)/dashboard/agencies/actions";
import { listActiveDepartments } from "@/lib/dal/departments";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

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
