import * as sla from "@/app/(site)/(dashboard)/dashboard/settings/sla-actions";
import { holidayYearToConfirm, listHolidayYears, loadWorkingCalendar } from "@/lib/dal/sla";
import { dueAfter, isWorkingTime } from "@/lib/sla/calendar";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

/** WIB wall-clock time → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);
const ymd = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(d);

describe("holidays of a fresh install (nobody has opened Jam Layanan)", () => {
  it("the service clock skips the 2026 decree's cuti bersama (24 December, 23 March) and its holidays", async () => {
    expect(await testDb().holiday.count()).toBe(0);
    const cal = await loadWorkingCalendar(wib("2026-12-07T10:00:00"));

    for (const day of ["2026-12-24", "2026-12-25", "2026-03-23", "2026-03-24", "2026-03-20", "2026-04-03", "2026-02-16"]) {
      expect({ day, working: isWorkingTime(cal, wib(`${day}T10:00:00`)) }).toEqual({ day, working: false });
    }
    // Wednesday 23 December 10:00 + one working day: 24 (cuti bersama), 25 (Natal), 26–27 (weekend) are skipped.
    expect(ymd(dueAfter(cal, wib("2026-12-23T10:00:00"), { value: 1, unit: "DAYS" }))).toBe("2026-12-28");
    // Tuesday 17 March + one working day: 18 cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri, 23–24 cuti → Wednesday 25th.
    expect(ymd(dueAfter(cal, wib("2026-03-17T10:00:00"), { value: 1, unit: "DAYS" }))).toBe("2026-03-25");

    const rows = await testDb().holiday.findMany({ where: { date: { gte: new Date("2026-01-01"), lt: new Date("2027-01-01") } }, orderBy: { date: "asc" } });
    expect(rows.filter((r) => r.kind === "cuti").map((r) => r.date.toISOString().slice(0, 10))).toEqual([
      "2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28", "2026-12-24",
    ]);
    expect(rows.filter((r) => r.kind === "libur")).toHaveLength(17);
    expect(rows.every((r) => r.source === "decree")).toBe(true);
    // Next year has no decree in the app: drafted, and said so.
    const next = await testDb().holidayYear.findUniqueOrThrow({ where: { year: 2027 } });
    expect(next.decree).toBeNull();
  });

  it("the admin sees the decree named, cuti bersama marked, and a banner until the year is confirmed; a removed cuti bersama stays removed", async () => {
    const superAdmin = await createUser({ role: "SUPER_ADMIN" });
    const me = await sessionUserOf(superAdmin);
    const years = await listHolidayYears(me, wib("2026-12-07T10:00:00"));
    expect(years[0]).toMatchObject({ year: 2026, decree: expect.stringMatching(/Nomor 1497 Tahun 2025.*Tahun 2026/) });
    expect(years[1]).toMatchObject({ year: 2027, decree: null });
    expect(years[0]!.holidays.find((h) => h.date === "2026-12-24")).toMatchObject({ kind: "cuti", source: "decree" });

    expect(await holidayYearToConfirm(me, wib("2026-12-07T10:00:00"))).toBe(2026);
    await actAs(superAdmin);
    expect(await sla.removeHolidayAction({ date: "2026-12-24" })).toEqual({ ok: true, data: null });
    expect(await sla.confirmHolidayYearAction({ year: "2026" })).toEqual({ ok: true, data: null });
    // October on: next year's list is the one to confirm.
    expect(await holidayYearToConfirm(me, wib("2026-12-07T10:00:00"))).toBe(2027);
    expect(await holidayYearToConfirm(me, wib("2026-06-07T10:00:00"))).toBeNull();

    const cal = await loadWorkingCalendar(wib("2026-12-07T10:00:00"));
    expect(isWorkingTime(cal, wib("2026-12-24T10:00:00"))).toBe(true);
    expect((await listHolidayYears(me, wib("2026-12-07T10:00:00")))[0]!.holidays.map((h) => h.date)).not.toContain("2026-12-24");

    const staff = await sessionUserOf(await createUser({ role: "STAFF" }));
    expect(await holidayYearToConfirm(staff, wib("2026-12-07T10:00:00"))).toBeNull();
  });
});

describe("an install that drafted 2026 before the decree was known", () => {
  it("is rewritten from the decree once: the admin's own days kept, the confirmation asked again", async () => {
    const db = testDb();
    await db.holiday.deleteMany();
    await db.holidayYear.deleteMany();
    const admin = await createUser({ role: "SUPER_ADMIN" });
    await db.holidayYear.create({ data: { year: 2026, confirmedAt: new Date("2026-01-05T00:00:00Z"), confirmedById: admin.id } });
    await db.holidayYear.create({ data: { year: 2027 } });
    await db.holiday.createMany({
      data: [
        { date: new Date("2026-03-20"), name: "Hari Raya Idul Fitri (draf)", source: "import" },
        { date: new Date("2026-03-21"), name: "Hari Raya Idul Fitri (draf)", source: "import" },
        { date: new Date("2026-07-01"), name: "HUT Bhayangkara (libur kantor)", source: "manual" },
      ],
    });

    const cal = await loadWorkingCalendar(wib("2026-12-07T10:00:00"));
    expect(isWorkingTime(cal, wib("2026-03-23T10:00:00"))).toBe(false);
    expect(isWorkingTime(cal, wib("2026-07-01T10:00:00"))).toBe(false);
    const names = await db.holiday.findMany({ where: { date: { in: [new Date("2026-03-20"), new Date("2026-03-21"), new Date("2026-07-01")] } }, orderBy: { date: "asc" } });
    expect(names.map((h) => [h.name, h.source, h.kind])).toEqual([
      ["Cuti bersama Idul Fitri 1447 Hijriah", "decree", "cuti"],
      ["Idul Fitri 1447 Hijriah", "decree", "libur"],
      ["HUT Bhayangkara (libur kantor)", "manual", "libur"],
    ]);
    expect(await db.holidayYear.findUniqueOrThrow({ where: { year: 2026 } })).toMatchObject({ decree: "SKB-2026", confirmedAt: null });

    // Once only: a cuti bersama removed afterwards is not brought back.
    await db.holiday.delete({ where: { date: new Date("2026-05-15") } });
    await loadWorkingCalendar(wib("2026-12-08T10:00:00"));
    expect(await db.holiday.findUnique({ where: { date: new Date("2026-05-15") } })).toBeNull();
  });
});
