import { PassThrough, pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ExportFormat } from "@/lib/validation/reports";

export type Cell = string | number | Date | null;
export type Column = { header: string; width?: number };

/**
 * A text cell a spreadsheet could run as a formula (=, +, -, @, or a leading tab or carriage return,
 * OWASP's list) gets a leading apostrophe: shown as text, never evaluated. Numbers and dates stay values.
 */
export function safeCsvCell(value: Cell): string | number {
  if (value === null) return "";
  if (value instanceof Date) return wibText(value);
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** WIB (Indonesian western time, the zone of the report's days) is UTC+7 all year; the CSV export's SQL adds the same. */
export const WIB_OFFSET_HOURS = 7;

/** "2026-11-28 17:05" in WIB. */
export function wibText(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** CSV with rows pulled batch by batch. */
export function csvStream(columns: Column[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  async function* records() {
    for await (const batch of batches) for (const row of batch) yield row.map(safeCsvCell);
  }
  // pipeline, not pipe: a failed batch fails the download, and a cancelled download stops the batches.
  return csvDownload(columns, pipeline(Readable.from(records()), stringify(CSV_OPTIONS), () => undefined));
}

/**
 * Records end in CRLF, and a cell holding any line break (CR, LF or both) is quoted: with a record
 * delimiter set, csv-stringify quotes only a CRLF unless told, and a bare LF in a subject would then
 * start a row of its own in the user's spreadsheet.
 */
const CSV_OPTIONS = { record_delimiter: "\r\n", quote_record_delimiter: true } as const;

/**
 * A CSV download: UTF-8 with a byte-order mark (Excel then reads Indonesian text right), the header
 * row, then `records` (CSV text, each record ending in CRLF), read as the response is.
 */
export function csvDownload(columns: Column[], records: Readable): ReadableStream<Uint8Array> {
  const head = stringifySync([columns.map((c) => c.header)], { ...CSV_OPTIONS, bom: true });
  async function* body() {
    yield Buffer.from(head);
    // Leaving this loop early (the download was cancelled) destroys `records`.
    for await (const chunk of records) yield chunk as Buffer;
  }
  return Readable.toWeb(Readable.from(body(), { objectMode: false })) as ReadableStream<Uint8Array>;
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (written out and dropped) as it comes,
 * and the producer waits when the response is not being read. Strings are written as text cells, which
 * spreadsheets never evaluate.
 */
export function xlsxStream(sheetName: string, columns: Column[], batches: AsyncIterable<Cell[][]>, title?: string[]): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ width: c.width ?? 18 }));
  (async () => {
    for (const line of title ?? []) sheet.addRow([line]).commit();
    if (title?.length) sheet.addRow([]).commit();
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const row of batch) {
        const added = sheet.addRow(row.map(xlsxValue));
        row.forEach((v, i) => {
          if (v instanceof Date) added.getCell(i + 1).numFmt = "yyyy-mm-dd hh:mm";
        });
        added.commit();
      }
      if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Dates shown as WIB wall-clock time (spreadsheets have no time zones). */
function xlsxValue(value: Cell): string | number | Date {
  if (value === null) return "";
  if (value instanceof Date) return new Date(value.getTime() + WIB_OFFSET_HOURS * 3_600_000);
  return value;
}

/** `helpdesk-tiket-2026-11-28.csv` — ASCII only, no header injection. */
export function exportFileName(base: string, day: string, format: ExportFormat): string {
  return `${base.replace(/[^a-z0-9-]/gi, "-")}-${day}.${format}`;
}
