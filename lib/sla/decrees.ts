/**
 * Libur nasional and cuti bersama as decreed each year by the joint decree (SKB) of the Minister of
 * Religious Affairs, the Minister of Manpower and the Minister of PANRB. A year listed here is written
 * from its decree; a year without one is drafted (lib/sla/holidays.ts) and says so on the page.
 * Add a year when its decree is published (usually in September of the year before).
 */

export type DecreeDay = { date: string; name: string; kind: "libur" | "cuti" };
export type Decree = { id: string; source: string; days: DecreeDay[] };

const libur = (date: string, name: string): DecreeDay => ({ date, name, kind: "libur" });
const cuti = (date: string, name: string): DecreeDay => ({ date, name, kind: "cuti" });

export const DECREES: Record<number, Decree> = {
  2026: {
    id: "SKB-2026",
    source:
      "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, dan Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026",
    days: [
      libur("2026-01-01", "Tahun Baru 2026 Masehi"),
      libur("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
      cuti("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
      libur("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
      cuti("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
      libur("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
      cuti("2026-03-20", "Cuti bersama Idul Fitri 1447 Hijriah"),
      libur("2026-03-21", "Idul Fitri 1447 Hijriah"),
      libur("2026-03-22", "Idul Fitri 1447 Hijriah"),
      cuti("2026-03-23", "Cuti bersama Idul Fitri 1447 Hijriah"),
      cuti("2026-03-24", "Cuti bersama Idul Fitri 1447 Hijriah"),
      libur("2026-04-03", "Wafat Yesus Kristus"),
      libur("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
      libur("2026-05-01", "Hari Buruh Internasional"),
      libur("2026-05-14", "Kenaikan Yesus Kristus"),
      cuti("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
      libur("2026-05-27", "Idul Adha 1447 Hijriah"),
      cuti("2026-05-28", "Cuti bersama Idul Adha 1447 Hijriah"),
      libur("2026-05-31", "Hari Raya Waisak 2570 BE"),
      libur("2026-06-01", "Hari Lahir Pancasila"),
      libur("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah"),
      libur("2026-08-17", "Proklamasi Kemerdekaan"),
      libur("2026-08-25", "Maulid Nabi Muhammad SAW"),
      cuti("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus"),
      libur("2026-12-25", "Kelahiran Yesus Kristus"),
    ],
  },
};
