import ExcelJS from "exceljs";
import { GET as exportReport } from "@/app/api/reports/export/route";
import { GET as exportTickets } from "@/app/api/tickets/export/route";
import { getReport } from "@/lib/dal/reports";
import { exportTicketsForUser } from "@/lib/dal/exports";
import { AuthorizationError } from "@/lib/errors";
import { safeCsvCell } from "@/lib/reports/export";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const session = sessionUserOf;
const SUBJECTS = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+62 812 tidak bisa login", "-1+1 ganjil", "@SUM(A1:A2)", "\tTab di depan", "Jaringan putus di Dinas Pendidikan"];

beforeAll(async () => {
  w = await createWorld();
  const now = Date.now();
  await testDb().ticket.createMany({
    data: Array.from({ length: 2_345 }, (_, i) => ({
      number: `HD-2026-${String(i + 1).padStart(6, "0")}`,
      subject: SUBJECTS[i % SUBJECTS.length]!,
      description: "Uraian",
      departmentId: i % 2 ? w.deptB.id : w.deptA.id,
      clientId: w.client.id,
      createdById: w.client.id,
      agencyId: w.opdA.id,
      // Many share a creation time, so the export's cursor must also order by id.
      createdAt: new Date(now - Math.floor(i / 7) * 60_000),
    })),
  });
});

const get = (handler: (r: Request) => Promise<Response>, url: string) => handler(new Request(`http://localhost${url}`));

describe("who may read reports and exports", () => {
  it("a Client gets 404 from both exports and cannot call the report DAL; a visitor gets 401", async () => {
    await actAs(w.client);
    expect((await get(exportReport, "/api/reports/export?format=csv")).status).toBe(404);
    expect((await get(exportTickets, "/api/tickets/export?format=csv")).status).toBe(404);
    await expect(getReport(await session(w.client), { from: "2026-01-01", to: "2026-12-31", groupBy: "agency" })).rejects.toBeInstanceOf(AuthorizationError);
    await actAs(null);
    expect((await get(exportReport, "/api/reports/export")).status).toBe(401);
    expect((await get(exportTickets, "/api/tickets/export")).status).toBe(401);
  });

  it("Staff get their own department's report only; the department is not a parameter they can change", async () => {
    const r = await getReport(await session(w.staffA), { from: "2020-01-01", to: "2030-12-31", groupBy: "department" });
    expect(r.department?.id).toBe(w.deptA.id);
    expect(r.rows.map((x) => x.key)).toEqual([w.deptA.id]);
    await actAs(w.staffA);
    // An extra departmentId is refused, not silently honoured.
    const res = await get(exportReport, `/api/reports/export?preset=thisYear&groupBy=department&departmentId=${w.deptB.id}`);
    expect(res.status).toBe(400);
  });

  it("Staff export only the tickets they may see (their department's)", async () => {
    await actAs(w.staffB);
    const text = await (await get(exportTickets, "/api/tickets/export?format=csv")).text();
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 1172); // header + odd-numbered tickets (department B)
  });
});

describe("bad input says what is wrong (400), never a 500", () => {
  beforeEach(() => actAs(w.admin));
  it.each([
    ["reversed range", "preset=custom&from=2026-05-01&to=2026-04-01", "Tanggal akhir tidak boleh sebelum tanggal awal."],
    ["year 1900", "preset=custom&from=1900-01-01&to=2026-01-01", "Tanggal harus antara tahun 2000 dan 2100."],
    ["year 3000", "preset=custom&from=2026-01-01&to=3000-01-01", "Tanggal harus antara tahun 2000 dan 2100."],
    ["malformed date", "preset=custom&from=2026-13-45&to=2026-12-01", "Tanggal tidak valid. Gunakan format TTTT-BB-HH."],
    ["SQL as a date", "preset=custom&from=2026-01-01';DROP TABLE \"Ticket\";--&to=2026-12-01", "Tanggal tidak valid. Gunakan format TTTT-BB-HH."],
    ["custom without dates", "preset=custom", "Isi tanggal awal dan tanggal akhir."],
    ["unknown group", "groupBy=subject", "Pilih pengelompokan yang tersedia."],
    ["SQL as a group", "groupBy=agency%22%3B%20DROP%20TABLE%20%22Ticket", "Pilih pengelompokan yang tersedia."],
    ["unknown format", "format=pdf", "Format unduhan harus CSV atau Excel."],
  ])("%s", async (_name, query, message) => {
    const res = await get(exportReport, `/api/reports/export?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(message);
    expect(await testDb().ticket.count()).toBe(2_345);
  });

  it("the ticket export refuses an unknown format and ignores an unknown column or sort", async () => {
    expect((await get(exportTickets, "/api/tickets/export?format=pdf")).status).toBe(400);
    const res = await get(exportTickets, "/api/tickets/export?format=csv&sort=subject%3BDROP&column=passwordHash&status=OPEN%27--");
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/passwordHash|\$argon2/);
  });
});

describe("exports", () => {
  it("CSV: UTF-8 with BOM, every ticket once across batch boundaries, formula-looking subjects defused", async () => {
    await actAs(w.admin);
    const res = await get(exportTickets, "/api/tickets/export?format=csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="helpdesk-tiket-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Nomor,Subjek,Status,Prioritas,Department,OPD,Client,Petugas,Dibuat (WIB),Respons pertama (WIB),Selesai (WIB),Ditutup (WIB),Penilaian");
    const numbers = lines.slice(1).map((l) => l.split(",")[0]);
    expect(numbers).toHaveLength(2_345);
    expect(new Set(numbers).size).toBe(2_345);
    // No cell starts with a formula character.
    for (const line of lines.slice(1)) {
      const subject = line.slice(line.indexOf(",") + 1);
      expect(subject).not.toMatch(/^"?[=+\-@\t\r]/);
    }
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(text).toContain("'+62 812 tidak bisa login");
    expect(text).toContain("'@SUM(A1:A2)");
    expect(text).toContain("Jaringan putus di Dinas Pendidikan");
    expect(safeCsvCell("-1+1 ganjil")).toBe("'-1+1 ganjil");
    expect(safeCsvCell(-5)).toBe(-5);
  });

  it("the Terlambat and Segera jatuh tempo views export what they list, not every ticket", async () => {
    await actAs(w.admin);
    const [a, b, c] = await testDb().ticket.findMany({ orderBy: { number: "asc" }, take: 3, select: { id: true, number: true } });
    const hour = 3_600_000;
    await testDb().ticket.update({ where: { id: a!.id }, data: { slaNextDueAt: new Date(Date.now() - 2 * hour) } });
    await testDb().ticket.update({ where: { id: b!.id }, data: { slaNextDueAt: new Date(Date.now() - 30 * 24 * hour) } });
    await testDb().ticket.update({ where: { id: c!.id }, data: { slaNextDueAt: new Date(Date.now() + 90 * 24 * hour) } });
    const numbersOf = async (query: string) =>
      (await (await get(exportTickets, `/api/tickets/export?format=csv&${query}`)).text()).trim().split("\r\n").slice(1).map((l) => l.split(",")[0]);
    expect((await numbersOf("sla=overdue")).sort()).toEqual([a!.number, b!.number].sort());
    expect(await numbersOf("sla=dueSoon")).toEqual([]);
    expect(await numbersOf(`sla=overdue&departmentId=${w.deptB.id}`)).toEqual([b!.number]); // the second ticket is department B's
  });

  it("the export walks the table in batches (keyset), not in one query", async () => {
    const batches: number[] = [];
    for await (const b of exportTicketsForUser(await session(w.admin), ticketListFiltersSchema.parse({}), 500)) batches.push(b.length);
    expect(batches).toEqual([500, 500, 500, 500, 345]);
  });

  it("XLSX: a real workbook, subjects stored as text (never formulas), the report with its period", async () => {
    await actAs(w.admin);
    const res = await get(exportTickets, "/api/tickets/export?format=xlsx");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 2_345);
    const formulaCell = sheet.getColumn(2).values.find((v) => typeof v === "string" && v.startsWith("=HYPERLINK"));
    expect(formulaCell).toBeDefined();
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));

    const rep = await get(exportReport, "/api/reports/export?preset=thisYear&groupBy=department&format=xlsx");
    expect(rep.status).toBe(200);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(Buffer.from(await rep.arrayBuffer()) as never);
    const rs = rb.worksheets[0]!;
    expect(rs.getCell("A1").value).toBe("Laporan Helpdesk");
    expect(String(rs.getCell("A2").value)).toMatch(/^Periode \d{4}-01-01 s\.d\. \d{4}-\d{2}-\d{2}$/);
  });
});

describe("the report form's query", () => {
  it("empty date fields (as the GET form sends them) mean 'not given' for a preset, and 'fill them in' for custom", async () => {
    await actAs(w.admin);
    expect((await get(exportReport, "/api/reports/export?preset=thisMonth&from=&to=&groupBy=department")).status).toBe(200);
    const res = await get(exportReport, "/api/reports/export?preset=custom&from=&to=&groupBy=department");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("Isi tanggal awal dan tanggal akhir.");
  });
});
