import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAdminAction, setAdminActiveAction, updateAdminAction } from "@/app/(site)/(dashboard)/dashboard/admins/actions";
import { createStaffAction, setStaffActiveAction, setStaffPasswordAction, updateStaffAction } from "@/app/(site)/(dashboard)/dashboard/staff/actions";
import { createClientAction, updateClientAction } from "@/app/(site)/(dashboard)/dashboard/clients/actions";
import { updateProfileAction } from "@/app/(site)/(dashboard)/dashboard/profile/actions";
import { changePasswordAction } from "@/app/(site)/(dashboard)/dashboard/password/actions";
import { GET as getAvatar } from "@/app/api/avatars/[userId]/route";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { userFromToken } from "@/lib/dal/session";
import { actAs, createUser, sessionClaimsFor, TEST_PASSWORD } from "./helpers/factories";
import { formData, pngFile } from "./helpers/images";
import { testDb } from "./helpers/test-db";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-people-"));
process.env.HELPDESK_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const NEW_PASSWORD = "Kopi Tubruk Serang 2026";

async function department(name = `Dept ${Math.random().toString(36).slice(2, 8)}`, active = true) {
  return testDb().department.create({ data: { name, active } });
}
async function agency(name = `OPD ${Math.random().toString(36).slice(2, 8)}`) {
  return testDb().agency.create({ data: { name } });
}

describe("Super Admin manages Admins (screens 7–8)", () => {
  it("adds an Admin with an avatar; the avatar is re-encoded to a 256px webp under the data folder", async () => {
    const sa = await createUser({ role: "SUPER_ADMIN" });
    await actAs(sa);
    const result = await createAdminAction(
      formData({ name: "Rina Admin", username: "Rina.Admin", email: "Rina@Diskominfo.BantenProv.go.id", password: NEW_PASSWORD, role: "ADMIN", avatar: await pngFile() }),
    );
    expect(result).toMatchObject({ ok: true });
    const saved = await testDb().user.findUniqueOrThrow({ where: { username: "rina.admin" } });
    expect(saved).toMatchObject({ role: "ADMIN", email: "rina@diskominfo.bantenprov.go.id", active: true });
    expect(saved.passwordHash).not.toContain(NEW_PASSWORD);
    expect(saved.avatar).toMatch(/^[a-f0-9]{32}\.webp$/);
    const response = await getAvatar(new Request("http://localhost/"), { params: Promise.resolve({ userId: saved.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const sharp = (await import("sharp")).default;
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    // The new Admin can log in with the password that was set.
    expect(await authorizeCredentials({ identifier: "rina.admin", password: NEW_PASSWORD }, "192.0.2.1")).toMatchObject({ id: saved.id });
  });

  it("an Admin cannot add an Admin or a Super Admin, and nothing is created", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await actAs(admin);
    for (const role of ["ADMIN", "SUPER_ADMIN"]) {
      const result = await createAdminAction(formData({ name: "Jahat", username: `jahat-${role}`, email: `jahat-${role}@x.go.id`, password: NEW_PASSWORD, role }));
      expect(result).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    }
    expect(await testDb().user.count({ where: { username: { startsWith: "jahat" } } })).toBe(0);
  });

  it("an Admin cannot edit a Super Admin by id through the Staff or Client screens", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const sa = await createUser({ role: "SUPER_ADMIN", name: "Asli" });
    const dept = await department();
    const opd = await agency();
    await actAs(admin);
    const viaStaff = await updateStaffAction(formData({ id: sa.id, name: "Dibajak", username: sa.username, email: sa.email, departmentId: dept.id, designation: "x" }));
    const viaClient = await updateClientAction(formData({ id: sa.id, name: "Dibajak", username: sa.username, email: sa.email, agencyId: opd.id }));
    const viaStaffActive = await setStaffActiveAction({ id: sa.id, active: false });
    const viaStaffPassword = await setStaffPasswordAction({ id: sa.id, password: NEW_PASSWORD });
    for (const r of [viaStaff, viaClient, viaStaffActive, viaStaffPassword]) expect(r).toEqual({ ok: false, formError: "Pengguna tidak ditemukan." });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: sa.id } });
    expect(after).toMatchObject({ name: "Asli", role: "SUPER_ADMIN", active: true, passwordHash: sa.passwordHash, sessionVersion: sa.sessionVersion });
  });

  it("a Staff form cannot smuggle a role: the unknown field is refused and nothing is created", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await department();
    await actAs(admin);
    const result = await createStaffAction(
      formData({ name: "Naik Pangkat", username: "naik", email: "naik@x.go.id", password: NEW_PASSWORD, departmentId: dept.id, designation: "", role: "SUPER_ADMIN" }),
    );
    expect(result).toMatchObject({ ok: false, formError: "Ada isian yang tidak dikenal." });
    expect(await testDb().user.count({ where: { username: "naik" } })).toBe(0);
  });

  it("the last active Super Admin can be neither deactivated nor demoted; with a second one it works", async () => {
    await testDb().user.updateMany({ where: { role: "SUPER_ADMIN" }, data: { active: false } });
    const sa = await createUser({ role: "SUPER_ADMIN" });
    await actAs(sa);
    const deactivate = await setAdminActiveAction({ id: sa.id, active: false });
    expect(deactivate).toEqual({ ok: false, formError: "Super Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya." });
    const demote = await updateAdminAction(formData({ id: sa.id, name: sa.name, username: sa.username, email: sa.email, role: "ADMIN" }));
    expect(demote).toMatchObject({ ok: false, formError: "Super Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya." });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: sa.id } })).toMatchObject({ role: "SUPER_ADMIN", active: true });

    const second = await createUser({ role: "SUPER_ADMIN" });
    await actAs(second);
    expect(await updateAdminAction(formData({ id: sa.id, name: sa.name, username: sa.username, email: sa.email, role: "ADMIN" }))).toMatchObject({ ok: true });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: sa.id } })).role).toBe("ADMIN");
  });
});

describe("usernames and e-mails are unique however they are written", () => {
  it.each([
    ["another case", "BUDI.Santoso", "lain@x.go.id", "username", "Username sudah dipakai."],
    ["an e-mail in another case", "lain3", "BUDI@Dinkes.go.id", "email", "E-mail sudah dipakai."],
  ])("refuses %s with a field error", async (_label, username, email, field, message) => {
    const admin = await createUser({ role: "ADMIN" });
    await createUser({ username: "budi.santoso", email: "budi@dinkes.go.id" }).catch(() => undefined);
    const opd = await agency();
    await actAs(admin);
    const before = await testDb().user.count();
    const result = await createClientAction(formData({ name: "Budi Dua", username, email, password: NEW_PASSWORD, agencyId: opd.id }));
    expect(result).toEqual({ ok: false, fieldErrors: { [field]: message } });
    expect(await testDb().user.count()).toBe(before);
  });

  it.each([
    ["a full-width look-alike of an existing name", "ｂｕｄｉ.santoso"],
    ["the Super Admin's full-width ａdmin", "ａdmin"],
    ["a Cyrillic а among Latin letters", "аdmin"],
  ])("refuses %s as a look-alike, saving nothing", async (_label, username) => {
    const sa = await createUser({ role: "SUPER_ADMIN" });
    await createUser({ username: "admin", role: "ADMIN" }).catch(() => undefined);
    await actAs(sa);
    const before = await testDb().user.count();
    const result = await createAdminAction(formData({ name: "Tiruan", username, email: `tiruan-${before}@x.go.id`, password: NEW_PASSWORD, role: "ADMIN" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { username: expect.stringContaining("huruf mirip") } });
    expect(await testDb().user.count()).toBe(before);
  });
});

describe("password policy", () => {
  it.each([
    ["7 characters", "Abc-123", "Minimal 8 karakter."],
    ["129 characters", "x".repeat(129), "Maksimal 128 karakter."],
    ["a common password", "Password123", "Password terlalu umum dan mudah ditebak. Pilih password lain."],
    ["the username itself", "pegawai.baru", "Password tidak boleh sama dengan nama, username atau e-mail."],
  ])("refuses %s", async (_label, password, message) => {
    const admin = await createUser({ role: "ADMIN" });
    const opd = await agency();
    await actAs(admin);
    const result = await createClientAction(formData({ name: "Pegawai Baru", username: "pegawai.baru", email: "pegawai.baru@x.go.id", password, agencyId: opd.id }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: message } });
    expect(await testDb().user.count({ where: { username: "pegawai.baru" } })).toBe(0);
  });

  it("accepts 128 characters of anything, spaces and emoji included", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const opd = await agency();
    await actAs(admin);
    const password = ("sandi rahasia 🔐 ").repeat(8).slice(0, 128);
    const result = await createClientAction(formData({ name: "Panjang", username: "panjang", email: "panjang@x.go.id", password, agencyId: opd.id }));
    expect(result).toMatchObject({ ok: true });
    expect(await authorizeCredentials({ identifier: "panjang", password }, "192.0.2.2")).not.toBeNull();
  });
});

describe("deactivation and new passwords end sessions", () => {
  it("deactivating a Client makes a JWT issued before stop working at once, and login is refused", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const client = await createUser({ role: "CLIENT" });
    expect(await userFromToken(await sessionClaimsFor(client))).not.toBeNull();
    await actAs(admin);
    const { setClientActiveAction } = await import("@/app/(site)/(dashboard)/dashboard/clients/actions");
    expect(await setClientActiveAction({ id: client.id, active: false })).toMatchObject({ ok: true });
    expect(await userFromToken(await sessionClaimsFor(client))).toBeNull();
    expect(await authorizeCredentials({ identifier: client.username, password: TEST_PASSWORD }, "192.0.2.3")).toBeNull();
    // The client's own (old) cookie is now refused by every action.
    await actAs(client);
    expect(await updateProfileAction(formData({ name: "x", username: client.username, email: client.email }))).toEqual({
      ok: false,
      formError: "Sesi Anda telah berakhir. Silakan login kembali.",
    });
    // Users are never deleted; reactivation brings the account back.
    await actAs(admin);
    expect(await setClientActiveAction({ id: client.id, active: true })).toMatchObject({ ok: true });
    expect(await authorizeCredentials({ identifier: client.username, password: TEST_PASSWORD }, "192.0.2.4")).not.toBeNull();
  });

  it("an admin setting a new password ends the user's sessions; the new password works", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await department();
    const staff = await createUser({ role: "STAFF", departmentId: dept.id });
    await actAs(admin);
    expect(await setStaffPasswordAction({ id: staff.id, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await userFromToken(await sessionClaimsFor(staff))).toBeNull();
    expect(await authorizeCredentials({ identifier: staff.username, password: NEW_PASSWORD }, "192.0.2.5")).not.toBeNull();
  });
});

describe("Staff and Client forms (screens 11–14)", () => {
  it("adds a Staff member with department and designation, then edits them", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await department("Jaringan & Bandwidth");
    const other = await department("Website");
    await actAs(admin);
    const created = await createStaffAction(
      formData({ name: "Andi Teknisi", username: "andi.teknisi", email: "andi@diskominfo.go.id", password: NEW_PASSWORD, departmentId: dept.id, designation: "Teknisi Jaringan" }),
    );
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    const edited = await updateStaffAction(
      formData({ id, name: "Andi T.", username: "andi.teknisi", email: "andi@diskominfo.go.id", departmentId: other.id, designation: "Pengelola Web" }),
    );
    expect(edited).toMatchObject({ ok: true });
    expect(await testDb().user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "STAFF", name: "Andi T.", departmentId: other.id, designation: "Pengelola Web" });
  });

  it("a deactivated department cannot be chosen for new staff", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await department(undefined, false);
    await actAs(admin);
    const result = await createStaffAction(formData({ name: "X", username: "xstaff", email: "xstaff@x.go.id", password: NEW_PASSWORD, departmentId: dept.id, designation: "" }));
    expect(result).toEqual({ ok: false, fieldErrors: { departmentId: "Pilih department yang aktif." } });
  });

  it("refuses a non-image renamed to .png as avatar, and stores nothing", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const opd = await agency();
    await actAs(admin);
    const fake = new File([new TextEncoder().encode("<?php echo 'bukan gambar'; ?>")], "foto.png", { type: "image/png" });
    const result = await createClientAction(formData({ name: "Palsu", username: "palsu", email: "palsu@x.go.id", password: NEW_PASSWORD, agencyId: opd.id, avatar: fake }));
    expect(result).toEqual({ ok: false, fieldErrors: { avatar: "Berkas bukan gambar PNG, JPG atau WebP yang valid." } });
    expect(await testDb().user.count({ where: { username: "palsu" } })).toBe(0);
  });

  it("refuses an avatar over 2 MB", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const opd = await agency();
    await actAs(admin);
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], "besar.png", { type: "image/png" });
    const result = await createClientAction(formData({ name: "Besar", username: "besar", email: "besar@x.go.id", password: NEW_PASSWORD, agencyId: opd.id, avatar: big }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { avatar: "Ukuran berkas maksimal 2 MB." } });
  });
});

describe("profile and change password (screens 9–10)", () => {
  it("a Client edits their own name, username, e-mail and avatar", async () => {
    const client = await createUser({ role: "CLIENT" });
    await actAs(client);
    const result = await updateProfileAction(formData({ name: "Siti Baru", username: "Siti.Baru", email: "siti.baru@x.go.id", avatar: await pngFile("me.jpg") }));
    expect(result).toMatchObject({ ok: true });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: client.id } });
    expect(after).toMatchObject({ name: "Siti Baru", username: "siti.baru", role: "CLIENT" });
    expect(after.avatar).toMatch(/\.webp$/);
  });

  it("a wrong current password is refused and the password stays", async () => {
    const client = await createUser({ role: "CLIENT" });
    await actAs(client);
    const result = await changePasswordAction({ currentPassword: "bukan-ini", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: "Password saat ini salah." } });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: client.id } })).passwordHash).toBe(client.passwordHash);
  });

  it("a mismatched confirmation is refused", async () => {
    const client = await createUser({ role: "CLIENT" });
    await actAs(client);
    const result = await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD + "x" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmPassword: "Konfirmasi password tidak sama." } });
  });

  it("changing the password ends every session, the current one too, and the new password logs in", async () => {
    const client = await createUser({ role: "CLIENT" });
    await actAs(client);
    const result = await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: true });
    expect(await userFromToken(await sessionClaimsFor(client))).toBeNull();
    expect(await authorizeCredentials({ identifier: client.username, password: TEST_PASSWORD }, "192.0.2.9")).toBeNull();
    expect(await authorizeCredentials({ identifier: client.username, password: NEW_PASSWORD }, "192.0.2.9")).not.toBeNull();
  });
});

describe("audit log of user changes", () => {
  it("records who changed what, from which IP, never a password or hash", async () => {
    const sa = await createUser({ role: "SUPER_ADMIN" });
    await actAs(sa);
    const created = await createAdminAction(formData({ name: "Audit Aku", username: "audit.aku", email: "audit@x.go.id", password: NEW_PASSWORD, role: "ADMIN" }));
    const id = (created as { data: { id: string } }).data.id;
    await updateAdminAction(formData({ id, name: "Audit Kamu", username: "audit.aku", email: "audit@x.go.id", role: "ADMIN" }));
    const rows = await testDb().auditLog.findMany({ where: { target: `user:${id}` }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.update"]);
    expect(rows[1]).toMatchObject({ actorId: sa.id, ip: "203.0.113.10", before: expect.objectContaining({ name: "Audit Aku" }), after: expect.objectContaining({ name: "Audit Kamu" }) });
    const all = JSON.stringify(await testDb().auditLog.findMany());
    expect(all).not.toContain(NEW_PASSWORD);
    expect(all).not.toMatch(/argon2|passwordHash/i);
  });
});
