import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { SkmAnswerRow, SkmReport } from "@/lib/dal/skm-report";
import { SKM_ELEMENT_CODES } from "./elements";
import { wallClockAsUtc } from "@/lib/time-zone";

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * The SKM workbook: "Hasil" (the period's figures as on screen) and "Jawaban" (every response's
 * answers and profile, without names or ticket numbers), written with exceljs's streaming writer so a
 * year of answers never sits in memory.
 */
export function skmWorkbookStream(report: SkmReport, answers: AsyncIterable<SkmAnswerRow[]>, t: T, timeZone: string, title: string): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    const figures = workbook.addWorksheet(t("xlsx.figures"));
    figures.columns = [{ width: 44 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 10 }];
    const { result } = report;
    const rows: (string | number | null)[][] = [
      [title],
      [],
      [t("report.respondents"), report.respondents],
      [t("report.served"), report.served],
      [t("report.sample"), report.sample],
      [t("report.ikm"), result.ikm],
      [t("report.grade"), result.grade ? `${result.grade} (${t(`grades.${result.grade}`)})` : ""],
      [],
      [t("report.element"), t("report.answered"), t("report.total"), t("report.nrr"), t("report.weighted"), t("report.converted"), t("report.grade")],
      ...result.elements.map((e) => [t(`elements.${e.code}`), e.count, e.sum, e.nrr, e.weighted, e.converted, e.grade]),
      [t("report.index"), null, null, null, result.weightedTotal, result.ikm, result.grade],
    ];
    for (const r of rows) figures.addRow(r.map((v) => v ?? "")).commit();
    figures.commit();

    const sheet = workbook.addWorksheet(t("xlsx.answers"));
    const header = [t("xlsx.submittedAt"), t("report.department"), t("report.agency"), t("xlsx.channel"), ...SKM_ELEMENT_CODES.map((c, i) => `U${i + 1} ${t(`elements.${c}`)}`), t("form.gender"), t("form.age"), t("form.education"), t("form.occupation"), t("form.suggestion")];
    sheet.columns = header.map((_, i) => ({ width: i === header.length - 1 ? 60 : i < 4 ? 22 : 12 }));
    const h = sheet.addRow(header);
    h.font = { bold: true };
    h.commit();
    for await (const batch of answers) {
      for (const r of batch) {
        const row = sheet.addRow([
          wallClockAsUtc(timeZone, r.submittedAt),
          r.department,
          r.agency,
          r.channel,
          ...SKM_ELEMENT_CODES.map((c) => r[c] ?? ""),
          r.gender ?? "",
          r.age ?? "",
          r.education ?? "",
          r.occupation ?? "",
          r.suggestion ?? "",
        ]);
        row.getCell(1).numFmt = "yyyy-mm-dd hh:mm";
        row.commit();
      }
      if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
