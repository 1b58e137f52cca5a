import { createTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import * as sla from "@/app/(site)/(dashboard)/dashboard/settings/sla-actions";
import { runSlaWarnings } from "@/lib/dal/ticket-jobs";
import { getTicketOrThrow, listTicketsForUser } from "@/lib/dal/tickets";
import { ensureHolidayYears, listHolidayYears } from "@/lib/dal/sla";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, ticketForm } from "./helpers/tickets";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
type World = Awaited<ReturnType<typeof createWorld>>;
let w: World;

/** Every hour of every day is working time here, so the tests can reason in wall-clock time. */
const ALWAYS = Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [`day${d}`, "00:00-24:00"]));

beforeAll(async () => {
  w = await createWorld();
  await actAs(w.admin);
  expect(await sla.updateCalendarAction({ timeZone: "Asia/Jakarta", ...ALWAYS })).toEqual({ ok: true, data: null });
  // …and no holidays: the clock writes this year's and next year's lists itself; clear them once written.
  const year = new Date().getUTCFullYear();
  await ensureHolidayYears([year, year + 1]);
  await testDb().holiday.deleteMany();
});

async function file(as: World["client"], fields: Record<string, string> = {}) {
  await actAs(as);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Internet putus", description: "Sejak pagi", ...fields }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}
const reload = (id: string) => testDb().ticket.findUniqueOrThrow({ where: { id } });
const sessionOf = sessionUserOf;

describe("due times", () => {
  it("a new ticket is due by its priority's default targets (Normal: 3 / 5 working days)", async () => {
    const t = await file(w.client);
    expect(t.firstResponseDueAt!.getTime() - t.createdAt.getTime()).toBe(3 * DAY);
    expect(t.resolutionDueAt!.getTime() - t.createdAt.getTime()).toBe(5 * DAY);
    expect(t.slaNextDueAt).toEqual(t.firstResponseDueAt);
    expect(t.firstResponseWarnAt!.getTime() - t.createdAt.getTime()).toBe(0.75 * 3 * DAY);
  });

  it("a department's own targets win for new tickets; tickets already filed keep their due times", async () => {
    const before = await file(w.client);
    await actAs(w.admin);
    const fields = { departmentId: w.deptA.id } as Record<string, string>;
    for (const p of ["URGENT", "HIGH", "NORMAL", "LOW"]) Object.assign(fields, { [`${p}_frValue`]: "2", [`${p}_frUnit`]: "HOURS", [`${p}_resValue`]: "1", [`${p}_resUnit`]: "DAYS" });
    expect(await sla.saveSlaPoliciesAction(fields)).toEqual({ ok: true, data: null });
    const after = await file(w.client);
    expect(after.firstResponseDueAt!.getTime() - after.createdAt.getTime()).toBe(2 * HOUR);
    expect(after.resolutionDueAt!.getTime() - after.createdAt.getTime()).toBe(DAY);
    expect(await reload(before.id)).toMatchObject({ firstResponseDueAt: before.firstResponseDueAt, resolutionDueAt: before.resolutionDueAt });
    // Department B still uses the defaults.
    const inB = await file(w.client, { departmentId: w.deptB.id });
    expect(inB.firstResponseDueAt!.getTime() - inB.createdAt.getTime()).toBe(3 * DAY);
    await actAs(w.admin);
    expect(await sla.clearSlaPoliciesAction({ departmentId: w.deptA.id })).toEqual({ ok: true, data: null });
  });

  it("raising the priority midway re-targets from the ticket's creation", async () => {
    const t = await file(w.client);
    await actAs(w.staffA);
    expect(await updateTicketAction({ ticketId: t.id, priority: "URGENT" })).toMatchObject({ ok: true });
    const after = await reload(t.id);
    expect(after.firstResponseDueAt!.getTime() - t.createdAt.getTime()).toBe(4 * HOUR);
    expect(after.resolutionDueAt!.getTime() - t.createdAt.getTime()).toBe(DAY);
  });

  it("editing the calendar while tickets are open leaves their due times alone", async () => {
    const t = await file(w.client);
    await actAs(w.admin);
    expect(await sla.updateCalendarAction({ timeZone: "Asia/Makassar", ...ALWAYS, day6: "", day7: "" })).toMatchObject({ ok: true });
    expect(await reload(t.id)).toMatchObject({ firstResponseDueAt: t.firstResponseDueAt, resolutionDueAt: t.resolutionDueAt });
    expect(await sla.updateCalendarAction({ timeZone: "Asia/Jakarta", ...ALWAYS })).toMatchObject({ ok: true });
  });
});

describe("the clock", () => {
  it("an internal note is not a first response; the first reply the client can see is, once", async () => {
    const t = await file(w.client);
    await actAs(w.staffA);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "cek dulu", internal: "true" }))).toMatchObject({ ok: true });
    expect((await reload(t.id)).firstResponseAt).toBeNull();
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Sedang kami periksa" }))).toMatchObject({ ok: true });
    const answered = await reload(t.id);
    expect(answered).toMatchObject({ firstResponseMet: true, firstResponseMinutes: 0 });
    expect(answered.slaNextDueAt).toEqual(answered.resolutionDueAt);
    await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Balasan kedua" }));
    expect((await reload(t.id)).firstResponseAt).toEqual(answered.firstResponseAt);
  });

  it("pauses while waiting on the client; the client's answer moves the due time by the paused time", async () => {
    const t = await file(w.client);
    await actAs(w.staffA);
    expect(await updateTicketAction({ ticketId: t.id, status: "WAITING" })).toMatchObject({ ok: true });
    const waiting = await reload(t.id);
    expect(waiting.slaPausedAt).not.toBeNull();
    expect(waiting.slaNextDueAt).toBeNull(); // not in the overdue tab or the due sort while paused
    // Ninety minutes pass while the client looks into it.
    await testDb().ticket.update({ where: { id: t.id }, data: { slaPausedAt: new Date(waiting.slaPausedAt!.getTime() - 90 * MIN) } });
    await actAs(w.client);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Sudah dicoba, masih putus" }))).toMatchObject({ ok: true });
    const resumed = await reload(t.id);
    expect(resumed.status).toBe("OPEN");
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.slaPausedMinutes).toBe(90);
    const moved = resumed.resolutionDueAt!.getTime() - t.resolutionDueAt!.getTime();
    expect(Math.abs(moved - 90 * MIN)).toBeLessThan(MIN); // 90 min, less the seconds the test itself took
  });

  it("stops at Resolved with the result recorded, and resumes on reopening", async () => {
    const t = await file(w.client);
    await actAs(w.staffA);
    await updateTicketAction({ ticketId: t.id, status: "RESOLVED" });
    expect(await reload(t.id)).toMatchObject({ resolutionMet: true, resolutionMinutes: 0, slaNextDueAt: null, slaCheckAt: null });
    await actAs(w.client);
    expect(await updateTicketAction({ ticketId: t.id, status: "OPEN" })).toMatchObject({ ok: true });
    const reopened = await reload(t.id);
    expect(reopened).toMatchObject({ resolutionMet: null, slaPausedAt: null });
    expect(reopened.slaNextDueAt).not.toBeNull();
  });

  it("the ticket page shows time left, and the overdue tab lists tickets past a due time", async () => {
    const t = await file(w.client);
    const page = await getTicketOrThrow(await sessionOf(w.staffA), t.number);
    expect(page.sla?.firstResponse).toMatchObject({ state: "running" });
    expect(page.sla!.firstResponse!.minutesLeft).toBeGreaterThan(3 * 24 * 60 - 2);
    await testDb().ticket.update({ where: { id: t.id }, data: { firstResponseDueAt: new Date(Date.now() - HOUR), slaNextDueAt: new Date(Date.now() - HOUR) } });
    const late = await getTicketOrThrow(await sessionOf(w.staffA), t.number);
    expect(late.sla!.firstResponse!.minutesLeft).toBeLessThanOrEqual(-60);
    const overdue = await listTicketsForUser(await sessionOf(w.staffA), { sla: "overdue" });
    expect(overdue.rows.map((r) => r.number)).toContain(t.number);
    expect(overdue.slaCounts.overdue).toBeGreaterThanOrEqual(1);
    // A client sees only their own; another department's staff do not see it.
    expect((await listTicketsForUser(await sessionOf(w.staffB), { sla: "overdue" })).rows.map((r) => r.number)).not.toContain(t.number);
    const sorted = await listTicketsForUser(await sessionOf(w.staffA), { sort: "due" });
    expect(sorted.rows[0]!.number).toBe(t.number);
  });
});

describe("warnings", () => {
  const slaKinds = async (ticketId: string, userId: string) =>
    (await testDb().notification.findMany({ where: { ticketId, userId }, orderBy: { createdAt: "asc" } })).map((n) => n.kind).filter((k) => k.startsWith("SLA"));

  it("at 75 % and at the breach, once each, to the assignee and the admins, even with two instances at once", async () => {
    const t = await file(w.client);
    await actAs(w.staffA);
    await updateTicketAction({ ticketId: t.id, assigneeId: w.staffA.id });
    const past = new Date(Date.now() - MIN);
    await testDb().ticket.update({ where: { id: t.id }, data: { firstResponseWarnAt: past, slaCheckAt: past } });
    const [a, b] = await Promise.all([runSlaWarnings(), runSlaWarnings()]);
    expect(a + b).toBe(1);
    expect(await slaKinds(t.id, w.staffA.id)).toEqual(["SLA_RESPONSE_WARNING"]);
    expect(await slaKinds(t.id, w.admin.id)).toEqual(["SLA_RESPONSE_WARNING"]);
    expect(await slaKinds(t.id, w.staffA2.id)).toEqual([]); // assigned: not the whole department
    expect(await slaKinds(t.id, w.client.id)).toEqual([]);
    // The job moved its next look to the breach time, and does nothing until then.
    expect((await reload(t.id)).slaCheckAt).toEqual(t.firstResponseDueAt);
    expect(await runSlaWarnings()).toBe(0);
    await testDb().ticket.update({ where: { id: t.id }, data: { firstResponseDueAt: past, slaCheckAt: past } });
    expect(await runSlaWarnings()).toBe(1);
    expect(await runSlaWarnings()).toBe(0);
    expect(await slaKinds(t.id, w.staffA.id)).toEqual(["SLA_RESPONSE_WARNING", "SLA_RESPONSE_BREACH"]);
  });

  it("after downtime a breach goes out alone, to the department's staff while unassigned; a paused ticket waits", async () => {
    const t = await file(w.client);
    const past = new Date(Date.now() - HOUR);
    await testDb().ticket.update({ where: { id: t.id }, data: { firstResponseWarnAt: past, firstResponseDueAt: past, slaCheckAt: past } });
    const waiting = await file(w.client);
    await actAs(w.staffA);
    await updateTicketAction({ ticketId: waiting.id, status: "WAITING" });
    await testDb().ticket.update({ where: { id: waiting.id }, data: { firstResponseWarnAt: past, slaCheckAt: past } });
    expect(await runSlaWarnings()).toBe(1);
    for (const u of [w.staffA, w.staffA2, w.admin, w.superAdmin]) expect(await slaKinds(t.id, u.id)).toEqual(["SLA_RESPONSE_BREACH"]);
    expect(await slaKinds(t.id, w.staffB.id)).toEqual([]);
    expect(await slaKinds(waiting.id, w.staffA.id)).toEqual([]);
  });
});

describe("Jam Layanan: holidays", () => {
  it("drafts a year without a decree from the package, with Isra Mi'raj instead of a third Maulid, until confirmed", async () => {
    await testDb().holiday.deleteMany();
    await testDb().holidayYear.deleteMany();
    const years = await listHolidayYears(await sessionOf(w.admin), new Date("2026-11-28T03:00:00Z"));
    expect(years.map((y) => [y.year, y.confirmedAt])).toEqual([[2026, null], [2027, null]]);
    const y2027 = years[1]!.holidays;
    expect(y2027.filter((h) => /maulid/i.test(h.name)).map((h) => h.date)).toEqual(["2027-08-14"]);
    expect(y2027.filter((h) => /isra/i.test(h.name)).map((h) => h.date)).toEqual(["2027-01-05", "2027-12-25"]);
    expect(y2027.find((h) => h.date === "2027-12-25")!.name).toMatch(/Natal/);

    await actAs(w.admin);
    expect(await sla.addHolidayAction({ date: "2027-03-11", name: "Cuti bersama Idul Fitri" })).toEqual({ ok: true, data: null });
    expect(await sla.addHolidayAction({ date: "2027-03-11", name: "Lagi" })).toEqual({ ok: false, fieldErrors: { date: "Tanggal ini sudah ada di daftar libur." } });
    expect(await sla.removeHolidayAction({ date: "2027-05-01" })).toEqual({ ok: true, data: null });
    expect(await sla.confirmHolidayYearAction({ year: "2027" })).toEqual({ ok: true, data: null });
    const after = await listHolidayYears(await sessionOf(w.admin), new Date("2026-11-28T03:00:00Z"));
    expect(after[1]!.confirmedAt).not.toBeNull();
    expect(after[1]!.confirmedBy).toBe("Admin");
    expect(after[1]!.holidays.map((h) => h.date)).toContain("2027-03-11");
    expect(after[1]!.holidays.map((h) => h.date)).not.toContain("2027-05-01");
    // Looking again does not bring the removed day back.
    expect((await listHolidayYears(await sessionOf(w.admin), new Date("2026-11-28T03:00:00Z")))[1]!.holidays.map((h) => h.date)).not.toContain("2027-05-01");
  });
});

describe("bad input and roles", () => {
  it("refuses malformed hours, an unknown time zone and a bad date with a message in Indonesian; nothing saved", async () => {
    await actAs(w.admin);
    const before = await testDb().setting.findUnique({ where: { key: "calendar" } });
    expect(await sla.updateCalendarAction({ timeZone: "Mars/Olympus", ...ALWAYS, day1: "16:00-07:30" })).toEqual({
      ok: false,
      formError: "Periksa kembali isian yang ditandai.",
      fieldErrors: { timeZone: "Zona waktu tidak dikenal (contoh: Asia/Jakarta).", day1: "Tulis jam seperti 07:30-12:00, 13:00-16:00 (berurutan, tidak tumpang tindih)." },
    });
    expect(await sla.updateCalendarAction({ timeZone: "Asia/Jakarta", ...Object.fromEntries(Object.keys(ALWAYS).map((k) => [k, ""])) })).toMatchObject({
      ok: false,
      fieldErrors: { day1: "Isi jam kerja untuk setidaknya satu hari." },
    });
    expect(await sla.addHolidayAction({ date: "2027-02-30", name: "x" })).toMatchObject({ ok: false, fieldErrors: { date: "Tanggal tidak valid." } });
    expect(await sla.saveSlaPoliciesAction({ departmentId: "", URGENT_frValue: "0" })).toMatchObject({ ok: false });
    expect(await testDb().setting.findUnique({ where: { key: "calendar" } })).toEqual(before);
  });

  it.each(["CLIENT", "STAFF"] as const)("%s may not change the calendar, holidays or targets", async (role) => {
    await actAs(await createUser({ role }));
    const denied = { ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." };
    const auditBefore = await testDb().auditLog.count();
    expect(await sla.updateCalendarAction({ timeZone: "Asia/Jakarta", ...ALWAYS })).toEqual(denied);
    expect(await sla.addHolidayAction({ date: "2027-04-01", name: "x" })).toEqual(denied);
    expect(await sla.removeHolidayAction({ date: "2027-01-01" })).toEqual(denied);
    expect(await sla.confirmHolidayYearAction({ year: 2026 })).toEqual(denied);
    expect(await sla.clearSlaPoliciesAction({ departmentId: w.deptA.id })).toEqual(denied);
    expect(await testDb().auditLog.count()).toBe(auditBefore);
  });
});
