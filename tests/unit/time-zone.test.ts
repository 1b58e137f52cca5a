import { dayIn, dayStartIn, wallClockText, yearIn } from "@/lib/time-zone";

describe("days and wall-clock times in the service zone", () => {
  it("a day starts at its midnight in the zone; the day after a month's last is the 1st", () => {
    expect(dayStartIn("Asia/Jakarta", "2026-03-10")).toEqual(new Date("2026-03-09T17:00:00Z"));
    expect(dayStartIn("Asia/Jayapura", "2026-03-10")).toEqual(new Date("2026-03-09T15:00:00Z"));
    expect(dayStartIn("Asia/Jakarta", "2026-01-31", 1)).toEqual(new Date("2026-01-31T17:00:00Z"));
  });

  it("a day with a daylight-saving change is 23 hours long where the zone has one", () => {
    const start = dayStartIn("America/New_York", "2026-03-08")!;
    const next = dayStartIn("America/New_York", "2026-03-08", 1)!;
    expect(start).toEqual(new Date("2026-03-08T05:00:00Z"));
    expect(next.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it("anything but a real calendar day gives no start (the filter is then left out)", () => {
    for (const bad of ["2026-02-31", "2026-13-01", "10-03-2026", "", "2026-03-10T00:00"]) expect(dayStartIn("Asia/Jakarta", bad)).toBeNull();
  });

  it("the same instant is a different day, year and wall-clock time in another zone", () => {
    const newYearsEve = new Date("2026-12-31T16:30:00Z");
    expect([dayIn("Asia/Jakarta", newYearsEve), yearIn("Asia/Jakarta", newYearsEve)]).toEqual(["2026-12-31", 2026]);
    expect([dayIn("Asia/Jayapura", newYearsEve), yearIn("Asia/Jayapura", newYearsEve)]).toEqual(["2027-01-01", 2027]);
    expect(wallClockText("Asia/Jakarta", newYearsEve)).toBe("2026-12-31 23:30");
    expect(wallClockText("Asia/Makassar", newYearsEve)).toBe("2027-01-01 00:30");
  });
});
