import { indonesianHolidayDraft } from "@/lib/sla/holidays";

describe("the Indonesian holiday draft", () => {
  it("relabels date-holidays 3.37's three 'Maulid' entries of 2027: two are Isra Mi'raj (27 Rajab)", () => {
    const y2027 = indonesianHolidayDraft(2027);
    expect(y2027.filter((h) => /maulid/i.test(h.name)).map((h) => h.date)).toEqual(["2027-08-14"]);
    expect(y2027.filter((h) => /isra/i.test(h.name)).map((h) => [h.date, h.note])).toEqual([
      ["2027-01-05", "relabelled"],
      ["2027-12-25", "relabelled"],
    ]);
    // Christmas and Isra Mi'raj share 25 December 2027: one day off, both names kept.
    expect(y2027.find((h) => h.date === "2027-12-25")!.name).toBe("Isra Mi'raj Nabi Muhammad SAW · Hari Raya Natal");
  });

  it("has each date once, sorted, and every Islamic holiday of the year", () => {
    for (const year of [2026, 2027, 2028]) {
      const draft = indonesianHolidayDraft(year);
      const dates = draft.map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(String(year)))).toBe(true);
      for (const name of [/Tahun Baru Islam/, /Maulid/, /Isra/, /Idul Fitri/, /Idul Adha/]) expect(draft.some((h) => name.test(h.name))).toBe(true);
      expect(draft.some((h) => h.date === `${year}-08-17`)).toBe(true);
    }
  });
});
