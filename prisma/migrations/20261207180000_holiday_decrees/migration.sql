-- Holidays from the yearly joint decree (SKB) on libur nasional and cuti bersama: cuti bersama days are
-- marked apart (an agency may not take all of them), and a year records which decree its list came from.
ALTER TABLE "Holiday" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'libur';
ALTER TABLE "HolidayYear" ADD COLUMN "decree" TEXT;
