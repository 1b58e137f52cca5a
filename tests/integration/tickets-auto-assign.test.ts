import { createTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { renameDepartmentAction } from "@/app/(site)/(dashboard)/dashboard/departments/actions";
import { setStaffAwayAction } from "@/app/(site)/(dashboard)/dashboard/staff/away-actions";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { processInboundMail } from "@/lib/mail/inbound";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createAgency, createDepartment, ticketForm, withTempDataDir } from "./helpers/tickets";
import { rawMail } from "./helpers/raw-mail";

withTempDataDir();
const FORBIDDEN = "Anda tidak memiliki akses untuk tindakan ini.";
type Person = Awaited<ReturnType<typeof createUser>>;

let client: Person;
let admin: Person;
beforeAll(async () => {
  const opd = await createAgency();
  client = await createUser({ role: "CLIENT", agencyId: opd.id, name: "Client Auto" });
  admin = await createUser({ role: "ADMIN", name: "Admin Auto" });
});

/** A department with automatic assignment turned on through its edit form, and its staff. */
async function autoDepartment(staffNames: string[]) {
  const dept = await createDepartment();
  const staff = [];
  for (const name of staffNames) staff.push(await createUser({ role: "STAFF", departmentId: dept.id, name }));
  await actAs(admin);
  expect(await renameDepartmentAction({ id: dept.id, name: dept.name, autoAssign: true })).toEqual({ ok: true, data: { id: dept.id } });
  return { dept, staff };
}

async function fileTicket(departmentId: string, subject = "Jaringan putus") {
  await actAs(client);
  const r = await createTicketAction(ticketForm({ departmentId, subject, description: "Sejak pagi." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

describe("automatic assignment", () => {
  it("goes to the staff member with the fewest open tickets; history says 'diberikan otomatis', the assignee is told", async () => {
    const dept = await createDepartment();
    const busy = await createUser({ role: "STAFF", departmentId: dept.id, name: "Staff Sibuk" });
    const free = await createUser({ role: "STAFF", departmentId: dept.id, name: "Staff Luang" });
    // Before the option is on: two open tickets on the busy one; one open and one resolved on the
    // free one (resolved tickets do not count).
    const assign = async (subject: string, to: Person, status?: "RESOLVED") => {
      const t = await fileTicket(dept.id, subject);
      expect(t.assigneeId).toBeNull();
      await actAs(admin);
      expect((await updateTicketAction({ ticketId: t.id, assigneeId: to.id, ...(status ? { status } : {}) })).ok).toBe(true);
    };
    await assign("Satu", busy);
    await assign("Dua", busy);
    await assign("Tiga", free);
    await assign("Selesai", free, "RESOLVED");
    await actAs(admin);
    expect((await renameDepartmentAction({ id: dept.id, name: dept.name, autoAssign: true })).ok).toBe(true);

    const t = await fileTicket(dept.id, "Baru");
    expect(t.assigneeId).toBe(free.id);
    const view = await getTicketOrThrow(await sessionUserOf(admin), t.number);
    expect(view.activities.map((a) => [a.field, a.actor, a.toLabel])).toEqual([
      ["created", "Client Auto", "OPEN"],
      ["autoAssigned", null, "Staff Luang"],
    ]);
    expect(await testDb().notification.count({ where: { ticketId: t.id, userId: free.id, kind: "TICKET_ASSIGNED" } })).toBe(1);
    expect(await testDb().emailOutbox.count({ where: { ticketId: t.id, toAddress: free.email, kind: "assigned" } })).toBe(1);
  });

  it("ties go to the one chosen longest ago, deterministically", async () => {
    const { dept } = await autoDepartment(["Staff P", "Staff Q"]);
    const first = await fileTicket(dept.id);
    const second = await fileTicket(dept.id);
    expect(second.assigneeId).not.toBe(first.assigneeId);
    // Both hold one open ticket now: the next goes to whoever was chosen first.
    expect((await fileTicket(dept.id)).assigneeId).toBe(first.assigneeId);
    expect((await fileTicket(dept.id)).assigneeId).toBe(second.assigneeId);
  });

  it("skips staff marked away (set in their own profile) and deactivated staff; with nobody present the ticket stays unassigned", async () => {
    const { dept, staff: [away, gone, present] } = await autoDepartment(["Staff Cuti", "Staff Nonaktif", "Staff Hadir"]);
    await actAs(away!);
    expect(await setStaffAwayAction({ userId: away!.id, away: true })).toEqual({ ok: true, data: null });
    await testDb().user.update({ where: { id: gone!.id }, data: { active: false } });
    // The present one gets every new ticket even though the others hold none.
    for (let i = 0; i < 2; i++) expect((await fileTicket(dept.id)).assigneeId).toBe(present!.id);

    await actAs(admin);
    expect(await setStaffAwayAction({ userId: present!.id, away: true })).toEqual({ ok: true, data: null });
    const waiting = await fileTicket(dept.id);
    expect(waiting.assigneeId).toBeNull();
    expect(await testDb().ticketActivity.count({ where: { ticketId: waiting.id, field: "autoAssigned" } })).toBe(0);

    // Back on duty: assigned again.
    await actAs(away!);
    expect(await setStaffAwayAction({ userId: away!.id, away: false })).toEqual({ ok: true, data: null });
    expect((await fileTicket(dept.id)).assigneeId).toBe(away!.id);
  });

  it("is off unless the department turns it on", async () => {
    const dept = await createDepartment();
    await createUser({ role: "STAFF", departmentId: dept.id });
    expect((await fileTicket(dept.id)).assigneeId).toBeNull();
  });

  it("applies to tickets filed by e-mail", async () => {
    const { dept, staff: [only] } = await autoDepartment(["Staff Surel"]);
    const current = ((await testDb().setting.findUnique({ where: { key: "ticket" } }))?.value ?? {}) as object;
    await testDb().setting.upsert({ where: { key: "ticket" }, update: { value: { ...current, emailDepartmentId: dept.id } }, create: { key: "ticket", value: { emailDepartmentId: dept.id } } });
    forgetCachedSettings();
    const raw = await rawMail({ from: client.email, to: "helpdesk@localhost", subject: "Printer macet", messageId: "<auto-assign-1@mail.example.go.id>", text: "Kertas tersangkut." });
    const result = await processInboundMail(raw);
    expect(result.outcome).toBe("ticket");
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: result.ticketId! } })).assigneeId).toBe(only!.id);
  });

  it("concurrent creations spread over the staff instead of all landing on the same one", async () => {
    const { dept, staff } = await autoDepartment(["Staff Satu", "Staff Dua"]);
    await actAs(client);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTicketAction(ticketForm({ departmentId: dept.id, subject: `Serentak ${i}`, description: "Bersamaan." }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const counts = await Promise.all(staff.map((s) => testDb().ticket.count({ where: { departmentId: dept.id, assigneeId: s.id } })));
    expect(counts).toEqual([3, 3]);
  });
});

describe("who may set what", () => {
  it("'Sedang tidak bertugas': Staff for themselves, Admins and Super Admins for Staff; nobody else; bad input changes nothing", async () => {
    const dept = await createDepartment();
    const staff = await createUser({ role: "STAFF", departmentId: dept.id });
    const colleague = await createUser({ role: "STAFF", departmentId: dept.id });
    const superAdmin = await createUser({ role: "SUPER_ADMIN" });
    const awayOf = async (id: string) => (await testDb().user.findUniqueOrThrow({ where: { id } })).away;

    await actAs(colleague);
    expect(await setStaffAwayAction({ userId: staff.id, away: true })).toEqual({ ok: false, formError: FORBIDDEN });
    await actAs(client);
    expect(await setStaffAwayAction({ userId: client.id, away: true })).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await setStaffAwayAction({ userId: staff.id, away: true })).toEqual({ ok: false, formError: FORBIDDEN });
    await actAs(admin);
    expect(await setStaffAwayAction({ userId: admin.id, away: true })).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await setStaffAwayAction({ userId: client.id, away: true })).toEqual({ ok: false, formError: "Pengguna tidak ditemukan." });
    expect(await setStaffAwayAction({ userId: staff.id, away: "ya" })).toMatchObject({ ok: false, fieldErrors: { away: expect.any(String) } });
    await actAs(null);
    expect((await setStaffAwayAction({ userId: staff.id, away: true })).ok).toBe(false);
    expect(await awayOf(staff.id)).toBe(false);
    expect(await awayOf(client.id)).toBe(false);

    await actAs(staff);
    expect((await setStaffAwayAction({ userId: staff.id, away: true })).ok).toBe(true);
    expect(await awayOf(staff.id)).toBe(true);
    await actAs(superAdmin);
    expect((await setStaffAwayAction({ userId: staff.id, away: false })).ok).toBe(true);
    expect(await awayOf(staff.id)).toBe(false);
    expect(await testDb().auditLog.count({ where: { action: "staff.away", target: `user:${staff.id}` } })).toBe(2);
  });

  it("'Tugaskan otomatis' in the Department form: Admins and Super Admins only", async () => {
    const dept = await createDepartment();
    const staff = await createUser({ role: "STAFF", departmentId: dept.id });
    for (const who of [staff, client]) {
      await actAs(who);
      expect(await renameDepartmentAction({ id: dept.id, name: dept.name, autoAssign: true })).toEqual({ ok: false, formError: FORBIDDEN });
    }
    expect((await testDb().department.findUniqueOrThrow({ where: { id: dept.id } })).autoAssign).toBe(false);
    await actAs(admin);
    expect(await renameDepartmentAction({ id: dept.id, name: dept.name, autoAssign: "on" })).toMatchObject({ ok: false, fieldErrors: { autoAssign: expect.any(String) } });
    expect((await renameDepartmentAction({ id: dept.id, name: dept.name, autoAssign: true })).ok).toBe(true);
    expect((await testDb().department.findUniqueOrThrow({ where: { id: dept.id } })).autoAssign).toBe(true);
    // The name alone (the OPD form's shape) leaves the setting as it is.
    expect((await renameDepartmentAction({ id: dept.id, name: `${dept.name} Baru` })).ok).toBe(true);
    expect((await testDb().department.findUniqueOrThrow({ where: { id: dept.id } })).autoAssign).toBe(true);
  });
});
