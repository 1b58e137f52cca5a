import * as admins from "@/app/(site)/(dashboard)/dashboard/admins/actions";
import * as staff from "@/app/(site)/(dashboard)/dashboard/staff/actions";
import * as clients from "@/app/(site)/(dashboard)/dashboard/clients/actions";
import * as departments from "@/app/(site)/(dashboard)/dashboard/departments/actions";
import * as agencies from "@/app/(site)/(dashboard)/dashboard/agencies/actions";
import * as faq from "@/app/(site)/(dashboard)/dashboard/faq/actions";
import * as settings from "@/app/(site)/(dashboard)/dashboard/settings/actions";
import * as profile from "@/app/(site)/(dashboard)/dashboard/profile/actions";
import * as password from "@/app/(site)/(dashboard)/dashboard/password/actions";
import type { Role } from "@/lib/auth/roles";
import { DEFAULT_SETTINGS } from "@/lib/validation/settings";
import { actAs, createUser, TEST_PASSWORD } from "./helpers/factories";
import { formData } from "./helpers/images";
import { testDb } from "./helpers/test-db";

type Who = "visitor" | Role;
type Result = { ok: boolean; formError?: string };
type Actor = Awaited<ReturnType<typeof createUser>>;
const WHO: Who[] = ["visitor", "CLIENT", "STAFF", "ADMIN", "SUPER_ADMIN"];
const MANAGERS: Who[] = ["ADMIN", "SUPER_ADMIN"];
const SIGNED_IN: Who[] = ["CLIENT", "STAFF", "ADMIN", "SUPER_ADMIN"];

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const dept = () => testDb().department.create({ data: { name: `Dept ${uniq()}` } });
const opd = () => testDb().agency.create({ data: { name: `OPD ${uniq()}` } });
const STRONG = "Teh Manis Anget 99";

/**
 * Every server action this issue adds × every kind of caller. `call` builds fresh, valid input, so
 * an allowed caller must succeed and a denied one must be refused with the session/role message
 * and leave the database unchanged (`snapshot` before and after).
 */
const ACTIONS: { name: string; allowed: Who[]; call: (me: Actor | null) => Promise<Result> }[] = [
  { name: "createAdminAction", allowed: ["SUPER_ADMIN"], call: async () => { const u = uniq(); return admins.createAdminAction(formData({ name: "A", username: `a${u}`, email: `a${u}@x.go.id`, password: STRONG, role: "ADMIN" })); } },
  { name: "updateAdminAction", allowed: ["SUPER_ADMIN"], call: async () => { const t = await createUser({ role: "ADMIN" }); return admins.updateAdminAction(formData({ id: t.id, name: "Baru", username: t.username, email: t.email, role: "ADMIN" })); } },
  { name: "setAdminActiveAction", allowed: ["SUPER_ADMIN"], call: async () => admins.setAdminActiveAction({ id: (await createUser({ role: "ADMIN" })).id, active: false }) },
  { name: "setAdminPasswordAction", allowed: ["SUPER_ADMIN"], call: async () => admins.setAdminPasswordAction({ id: (await createUser({ role: "ADMIN" })).id, password: STRONG }) },
  { name: "createStaffAction", allowed: MANAGERS, call: async () => { const u = uniq(); return staff.createStaffAction(formData({ name: "S", username: `s${u}`, email: `s${u}@x.go.id`, password: STRONG, departmentId: (await dept()).id, designation: "Teknisi" })); } },
  { name: "updateStaffAction", allowed: MANAGERS, call: async () => { const d = await dept(); const t = await createUser({ role: "STAFF", departmentId: d.id }); return staff.updateStaffAction(formData({ id: t.id, name: "Baru", username: t.username, email: t.email, departmentId: d.id, designation: "" })); } },
  { name: "setStaffActiveAction", allowed: MANAGERS, call: async () => staff.setStaffActiveAction({ id: (await createUser({ role: "STAFF" })).id, active: false }) },
  { name: "setStaffPasswordAction", allowed: MANAGERS, call: async () => staff.setStaffPasswordAction({ id: (await createUser({ role: "STAFF" })).id, password: STRONG }) },
  { name: "createClientAction", allowed: MANAGERS, call: async () => { const u = uniq(); return clients.createClientAction(formData({ name: "C", username: `c${u}`, email: `c${u}@x.go.id`, password: STRONG, agencyId: (await opd()).id })); } },
  { name: "updateClientAction", allowed: MANAGERS, call: async () => { const o = await opd(); const t = await createUser({ role: "CLIENT", agencyId: o.id }); return clients.updateClientAction(formData({ id: t.id, name: "Baru", username: t.username, email: t.email, agencyId: o.id })); } },
  { name: "setClientActiveAction", allowed: MANAGERS, call: async () => clients.setClientActiveAction({ id: (await createUser({ role: "CLIENT" })).id, active: false }) },
  { name: "setClientPasswordAction", allowed: MANAGERS, call: async () => clients.setClientPasswordAction({ id: (await createUser({ role: "CLIENT" })).id, password: STRONG }) },
  { name: "createDepartmentAction", allowed: MANAGERS, call: async () => departments.createDepartmentAction({ name: `Baru ${uniq()}` }) },
  { name: "renameDepartmentAction", allowed: MANAGERS, call: async () => departments.renameDepartmentAction({ id: (await dept()).id, name: `Ganti ${uniq()}` }) },
  { name: "setDepartmentActiveAction", allowed: MANAGERS, call: async () => departments.setDepartmentActiveAction({ id: (await dept()).id, active: false }) },
  { name: "createAgencyAction", allowed: MANAGERS, call: async () => agencies.createAgencyAction({ name: `Baru ${uniq()}` }) },
  { name: "renameAgencyAction", allowed: MANAGERS, call: async () => agencies.renameAgencyAction({ id: (await opd()).id, name: `Ganti ${uniq()}` }) },
  { name: "setAgencyActiveAction", allowed: MANAGERS, call: async () => agencies.setAgencyActiveAction({ id: (await opd()).id, active: false }) },
  { name: "createFaqAction", allowed: MANAGERS, call: async () => faq.createFaqAction({ departmentId: (await dept()).id, subject: "S", description: "D", published: true }) },
  { name: "updateFaqAction", allowed: MANAGERS, call: async () => { const d = await dept(); const f = await testDb().faq.create({ data: { departmentId: d.id, subject: "S", description: "D" } }); return faq.updateFaqAction({ id: f.id, departmentId: d.id, subject: "S2", description: "D2", published: true }); } },
  { name: "setFaqPublishedAction", allowed: MANAGERS, call: async () => { const f = await testDb().faq.create({ data: { departmentId: (await dept()).id, subject: "S", description: "D" } }); return faq.setFaqPublishedAction({ id: f.id, published: true }); } },
  { name: "updateGeneralSettingsAction", allowed: MANAGERS, call: async () => { const { logo: _l, ...g } = DEFAULT_SETTINGS.general; return settings.updateGeneralSettingsAction(formData({ ...g, appName: `App ${uniq()}` })); } },
  { name: "updateFooterSettingsAction", allowed: MANAGERS, call: async () => settings.updateFooterSettingsAction({ text: `Footer ${uniq()}`, links: [] }) },
  { name: "updateTicketSettingsAction", allowed: MANAGERS, call: async () => settings.updateTicketSettingsAction({ ...DEFAULT_SETTINGS.ticket, maxFileSizeMb: 3 + (n++ % 50) }) },
  { name: "updateProfileAction", allowed: SIGNED_IN, call: async (me) => profile.updateProfileAction(formData({ name: `Nama ${uniq()}`, username: me?.username ?? "x", email: me?.email ?? "x@x.go.id" })) },
  { name: "changePasswordAction", allowed: SIGNED_IN, call: async () => password.changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: STRONG, confirmPassword: STRONG }) },
];

/** Everything these actions can change, to prove a denied call changed nothing. */
async function snapshot() {
  const db = testDb();
  const [users, departments, agencies, faqs, settingRows, audit] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, username: true, role: true, active: true, passwordHash: true, sessionVersion: true }, orderBy: { id: "asc" } }),
    db.department.findMany({ orderBy: { id: "asc" } }),
    db.agency.findMany({ orderBy: { id: "asc" } }),
    db.faq.findMany({ orderBy: { id: "asc" } }),
    db.setting.findMany({ orderBy: { key: "asc" } }),
    db.auditLog.count(),
  ]);
  return JSON.stringify({ users, departments, agencies, faqs, settingRows, audit });
}

describe.each(ACTIONS)("$name", ({ allowed, call }) => {
  it.each(WHO)("%s", async (who) => {
    const me = who === "visitor" ? null : await createUser({ role: who });
    // Fixtures are created by `call` first, as the acting user could not create them anyway.
    await actAs(me);
    if (allowed.includes(who)) {
      const result = await call(me);
      expect(result).toMatchObject({ ok: true });
      return;
    }
    const before = await snapshot();
    const result = await call(me);
    expect(result).toEqual({
      ok: false,
      formError: who === "visitor" ? "Sesi Anda telah berakhir. Silakan login kembali." : "Anda tidak memiliki akses untuk tindakan ini.",
    });
    const after = JSON.parse(await snapshot());
    const beforeParsed = JSON.parse(before);
    // Nothing that existed before changed, no audit entry was written, and the fixtures `call`
    // made for itself are exactly as the factories left them (not renamed, deactivated, published).
    expect(after.audit).toBe(beforeParsed.audit);
    expect(after.settingRows).toEqual(beforeParsed.settingRows);
    for (const key of ["users", "departments", "agencies", "faqs"] as const) {
      const old = new Map((beforeParsed[key] as { id: string }[]).map((r) => [r.id, JSON.stringify(r)]));
      for (const row of after[key] as Record<string, unknown>[]) {
        if (old.has(row.id as string)) expect(JSON.stringify(row)).toBe(old.get(row.id as string));
        else if (key === "users") expect(row).toMatchObject({ name: expect.stringMatching(/^Pengguna /), active: true, sessionVersion: 1 });
        else if (key === "faqs") expect(row).toMatchObject({ subject: "S", published: false });
        else expect(row).toMatchObject({ name: expect.stringMatching(/^(Dept|OPD) /), active: true });
      }
    }
  });
});
