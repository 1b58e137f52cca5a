import Holidays from "date-holidays";

/**
 * A draft of Indonesia's national holidays for one year, from the `date-holidays` package, checked
 * against the Umm al-Qura Hijri calendar built into Node's Intl. The package is a draft, not the
 * decree: 3.37 labels Isra Mi'raj (27 Rajab) "Maulid Nabi Muhammad", so 2027 shows Maulid three
 * times and no Isra Mi'raj. Each Islamic holiday is matched by its Hijri date (±2 days: Indonesia
 * fixes the date by sighting) and relabelled; one that is missing is added from the Hijri calendar.
 * Cuti bersama is set by decree each year and is not in any package: the admin adds it.
 */

export type DraftHoliday = { date: string; name: string; note?: "relabelled" | "computed" };

const ISLAMIC: { name: string; match: RegExp; month: number; day: number }[] = [
  { name: "Tahun Baru Islam", match: /tahun baru islam/i, month: 1, day: 1 },
  { name: "Maulid Nabi Muhammad SAW", match: /maulid/i, month: 3, day: 12 },
  { name: "Isra Mi'raj Nabi Muhammad SAW", match: /isra|mi.?raj/i, month: 7, day: 27 },
  { name: "Hari Raya Idul Fitri", match: /fitri/i, month: 10, day: 1 },
  { name: "Hari Raya Idul Adha", match: /adha/i, month: 12, day: 10 },
];

const hijri = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { month: "numeric", day: "numeric", timeZone: "UTC" });

/** Hijri (month, day) of a Gregorian date "YYYY-MM-DD". */
function hijriOf(date: string): { month: number; day: number } {
  const parts = hijri.formatToParts(new Date(`${date}T00:00:00Z`));
  return { month: Number(parts.find((p) => p.type === "month")!.value), day: Number(parts.find((p) => p.type === "day")!.value) };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Which Islamic holiday a date is (within two days), if any. */
function islamicHolidayOn(date: string): (typeof ISLAMIC)[number] | undefined {
  for (let off = 0; off <= 2; off++) {
    for (const sign of off ? [-1, 1] : [1]) {
      const h = hijriOf(shiftDate(date, sign * off));
      const hit = ISLAMIC.find((x) => x.month === h.month && x.day === h.day);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function indonesianHolidayDraft(year: number): DraftHoliday[] {
  const source = new Holidays("ID").getHolidays(year).filter((h) => h.type === "public");
  const byDate = new Map<string, DraftHoliday[]>();
  const add = (h: DraftHoliday) => {
    const list = byDate.get(h.date) ?? [];
    if (!list.some((x) => x.name === h.name)) list.push(h);
    byDate.set(h.date, list);
  };
  for (const h of source) {
    const date = h.date.slice(0, 10); // the package's own offset notation; the local date is what counts
    const named = ISLAMIC.find((x) => x.match.test(h.name));
    const actual = named && islamicHolidayOn(date);
    if (actual && actual !== named) add({ date, name: actual.name, note: "relabelled" });
    else add({ date, name: h.name });
  }
  // Islamic holidays the package left out, from the Hijri calendar.
  const present = new Set([...byDate.values()].flat().map((h) => islamicHolidayOn(h.date)?.name ?? h.name));
  for (const x of ISLAMIC) {
    if (present.has(x.name)) continue;
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = shiftDate(d, 1)) {
      const h = hijriOf(d);
      if (h.month === x.month && h.day === x.day) add({ date: d, name: x.name, note: "computed" });
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, list]) => ({ date, name: list.map((h) => h.name).join(" · "), ...(list.some((h) => h.note) ? { note: list.find((h) => h.note)!.note } : {}) }));
}
