import { GET as exportTickets } from "@/app/api/tickets/export/route";
import { streamPool } from "@/lib/db";
import { ticketCsvForUser, ticketExportWords } from "@/lib/dal/exports";
import { requireUser } from "@/lib/dal/session";
import { serverTranslator } from "@/lib/i18n/server";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";
import { actAs, createUser } from "./helpers/factories";
import { testPostgresUrl } from "./helpers/migrations";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";
import { createDepartment, createWorld, withTempDataDir } from "./helpers/tickets";

// On PostgreSQL (TEST_DATABASE_URL) the CSV comes from one COPY; on PGlite from the keyset batches.
const onPostgres = !!testPostgresUrl();

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
let oddDept: { id: string; name: string };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  w = await createWorld();
  oddDept = await createDepartment('Server, Hosting & "Cloud"');
  const formulaClient = await createUser({ role: "CLIENT", name: "=cmd|' /C calc'!A0" });
  const base = { description: "Uraian", clientId: w.client.id, createdById: w.client.id };
  const tickets = [
    { number: "HD-2026-000001", subject: '=HYPERLINK("http://evil.example","klik")', departmentId: w.deptA.id, agencyId: w.opdA.id, assigneeId: w.staffA.id, status: "OPEN", priority: "HIGH", createdAt: at("2026-03-01T17:30:45.123Z"), firstResponseAt: at("2026-03-01T18:00:59.999Z") },
    { number: "HD-2026-000002", subject: 'Printer, lantai 2 "rusak"\nbaris kedua\r\nbaris ketiga', departmentId: w.deptB.id, status: "RESOLVED", priority: "LOW", createdAt: at("2026-03-02T01:00:00Z"), resolvedAt: at("2026-03-03T16:59:00Z"), rating: 4 },
    { number: "HD-2026-000003", subject: "-5 derajat di ruang server", departmentId: w.deptA.id, assigneeId: w.staffB.id, clientId: w.otherClient.id, createdById: w.otherClient.id, agencyId: w.opdB.id, status: "CLOSED", priority: "URGENT", createdAt: at("2026-03-03T02:00:00Z"), resolvedAt: at("2026-03-03T03:00:00Z"), closedAt: at("2026-03-04T03:00:00Z"), rating: 5 },
    { number: "HD-2026-000004", subject: "\tTab di depan", departmentId: oddDept.id, clientId: formulaClient.id, createdById: formulaClient.id, status: "WAITING", priority: "NORMAL", createdAt: at("2026-03-04T00:00:00Z") },
    { number: "HD-2026-000005", subject: "\rCR di depan, lalu C:\\data\\ dan \\.", departmentId: w.deptB.id, status: "IN_PROGRESS", priority: "NORMAL", createdAt: at("2026-03-04T00:00:00Z") },
    { number: "HD-2026-000006", subject: "", departmentId: w.deptB.id, status: "OPEN", priority: "LOW", createdAt: at("2026-03-04T00:00:00Z") },
    { number: "HD-2026-000007", subject: "@SUM(A1:A2) dan +62 812 — Jaringan putus 🚧", departmentId: w.deptA.id, status: "OPEN", priority: "HIGH", createdAt: at("2026-03-05T10:00:00Z") },
    // A bare line break, no comma or quote: unquoted, it would start a forged row in a spreadsheet.
    { number: "HD-2026-000008", subject: "Printer mati\nHD-PALSU\rlagi", departmentId: w.deptB.id, status: "OPEN", priority: "NORMAL", createdAt: at("2026-03-06T00:00:00Z") },
  ] as const;
  for (const t of tickets) await testDb().ticket.create({ data: { ...base, ...t } });
});

const get = async (query: string) => exportTickets(new Request(`http://localhost/api/tickets/export?${query}`));
const csvLines = async (res: Response) => new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3)).split("\r\n");
const numbersOf = async (query: string) =>
  (await csvLines(await get(query)))
    .slice(1)
    .map((l) => l.split(",")[0])
    .filter((n) => n?.startsWith("HD-"))
    .sort();

describe("what a user downloads as CSV", () => {
  it("BOM, the header in the user's language, formula-looking cells defused, labels and WIB dates", async () => {
    await actAs(w.admin);
    const res = await get("format=csv");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = await csvLines(res);
    expect(lines[0]).toBe("Nomor,Subjek,Status,Prioritas,Department,OPD,Client,Petugas,Dibuat (WIB),Respons pertama (WIB),Selesai (WIB),Ditutup (WIB),Penilaian");
    // Newest first; a subject with line breaks stays one quoted cell.
    expect(lines.slice(1)).toEqual([
      `HD-2026-000008,"Printer mati\nHD-PALSU\rlagi",Terbuka,Normal,${w.deptB.name},,Client Satu,,2026-03-06 07:00,,,,`,
      `HD-2026-000007,'@SUM(A1:A2) dan +62 812 — Jaringan putus 🚧,Terbuka,Tinggi,${w.deptA.name},,Client Satu,,2026-03-05 17:00,,,,`,
      expect.stringMatching(/^HD-2026-00000[456],/),
      expect.stringMatching(/^HD-2026-00000[456],/),
      expect.stringMatching(/^HD-2026-00000[456],/),
      `HD-2026-000003,'-5 derajat di ruang server,Ditutup,Mendesak,${w.deptA.name},${w.opdB.name},Client Dua,Staff B,2026-03-03 09:00,,2026-03-03 10:00,2026-03-04 10:00,5`,
      `HD-2026-000002,"Printer, lantai 2 ""rusak""\nbaris kedua`,
      `baris ketiga",Selesai,Rendah,${w.deptB.name},,Client Satu,,2026-03-02 08:00,,2026-03-03 23:59,,4`,
      `HD-2026-000001,"'=HYPERLINK(""http://evil.example"",""klik"")",Terbuka,Tinggi,${w.deptA.name},${w.opdA.name},Client Satu,Staff A,2026-03-02 00:30,2026-03-02 01:00,,,`,
      "",
    ]);
    expect(lines).toContain(`HD-2026-000004,'\tTab di depan,Menunggu client,Normal,"Server, Hosting & ""Cloud""",,'=cmd|' /C calc'!A0,,2026-03-04 07:00,,,,`);
    expect(lines).toContain(`HD-2026-000005,"'\rCR di depan, lalu C:\\data\\ dan \\.",Sedang diproses,Normal,${w.deptB.name},,Client Satu,,2026-03-04 07:00,,,,`);
    expect(lines).toContain(`HD-2026-000006,,Terbuka,Rendah,${w.deptB.name},,Client Satu,,2026-03-04 07:00,,,,`);

    requestContext.cookies.set(LOCALE_COOKIE, "en");
    const english = await csvLines(await get("format=csv&status=CLOSED"));
    expect(english[0]).toBe("Number,Subject,Status,Priority,Department,OPD,Client,Staff,Created (WIB),First response (WIB),Resolved (WIB),Closed (WIB),Rating");
    expect(english[1]).toMatch(/^HD-2026-000003,'-5 derajat di ruang server,Closed,Urgent,/);
  });

  it("Staff export their department's tickets and those assigned to them; a Client gets 404", async () => {
    await actAs(w.staffB);
    // Department B's, and number 3 (department A) because it is assigned to Staff B.
    expect(await numbersOf("format=csv")).toEqual(["HD-2026-000002", "HD-2026-000003", "HD-2026-000005", "HD-2026-000006", "HD-2026-000008"]);
    await actAs(w.staffA);
    expect(await numbersOf("format=csv")).toEqual(["HD-2026-000001", "HD-2026-000003", "HD-2026-000007"]);
    await actAs(w.client);
    const res = await get("format=csv");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("");
  });

  it("the list's filters narrow the export: status, priority, department, search, dates, service level", async () => {
    await actAs(w.admin);
    expect(await numbersOf("status=OPEN")).toEqual(["HD-2026-000001", "HD-2026-000006", "HD-2026-000007", "HD-2026-000008"]);
    expect(await numbersOf("priority=HIGH&departmentId=" + w.deptA.id)).toEqual(["HD-2026-000001", "HD-2026-000007"]);
    expect(await numbersOf("q=printer")).toEqual(["HD-2026-000002", "HD-2026-000008"]);
    expect(await numbersOf("from=2026-03-03&to=2026-03-04")).toEqual(["HD-2026-000003", "HD-2026-000004", "HD-2026-000005", "HD-2026-000006"]);
    await testDb().ticket.update({ where: { number: "HD-2026-000007" }, data: { slaNextDueAt: new Date(Date.now() - 3_600_000) } });
    expect(await numbersOf("sla=overdue")).toEqual(["HD-2026-000007"]);
    // Quotes and backslashes in a search go in as data, never as SQL.
    expect(await numbersOf("q=" + encodeURIComponent("x' OR 1=1 --\\"))).toEqual([]);
  });

  it("the database's COPY and the keyset batches write the same bytes", async () => {
    await actAs(w.admin);
    const admin = await requireUser("tickets.export");
    for (const locale of ["id", "en"] as const) {
      const words = ticketExportWords(await serverTranslator(locale));
      for (const query of [{}, { q: "printer" }, { sla: "overdue" }, { from: "2026-03-02", to: "2026-03-04", assignee: "unassigned" }]) {
        const filters = ticketListFiltersSchema.parse(query);
        const viaDefault = Buffer.from(await new Response(await ticketCsvForUser(admin, filters, words)).arrayBuffer());
        const viaKeyset = Buffer.from(await new Response(await ticketCsvForUser(admin, filters, words, "keyset")).arrayBuffer());
        expect(viaDefault.toString("utf8")).toBe(viaKeyset.toString("utf8"));
        expect(viaDefault.equals(viaKeyset)).toBe(true);
        expect(viaDefault.toString("utf8").split("\r\n").length).toBeGreaterThan(2);
      }
    }
    // The default path really was the COPY on PostgreSQL: its connection is back in the stream pool.
    expect(streamPool()?.idleCount ?? 0).toBe(onPostgres ? 1 : 0);
  });
});

describe("a download cancelled half-way", () => {
  it("stops reading the database and frees its connection; the next download works", async () => {
    // PostgreSQL: enough text (~18 MB of CSV) that the server is still sending when the reader stops.
    // PGlite runs a statement synchronously, so a few batches' worth keeps the test short there. One
    // ticket per day: the report triggers update one counter row per day, which one statement would
    // otherwise rewrite once per ticket.
    const rows = 1_500;
    const words = onPostgres ? 480 : 20;
    await testDb().$executeRaw`
      INSERT INTO "Ticket" ("id", "number", "subject", "description", "departmentId", "clientId", "createdById", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'HD-BULK-' || lpad(i::text, 6, '0'), repeat('Gangguan jaringan kantor ', ${words}::int) || i, 'Uraian',
             ${w.deptB.id}::uuid, ${w.client.id}::uuid, ${w.client.id}::uuid, timestamp '2020-01-01' + i * interval '1 day', now()
      FROM generate_series(1, ${rows}::int) i`;
    const copiesRunning = async () =>
      onPostgres
        ? (await testDb().$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY (%'`)[0]!.n
        : 0;
    await actAs(w.admin);
    const res = await get("format=csv");
    const reader = res.body!.getReader();
    let read = 0;
    while (read < 200_000) read += (await reader.read()).value!.length;
    expect(await copiesRunning()).toBe(onPostgres ? 1 : 0);
    await reader.cancel();
    for (let i = 0; i < 50 && (await copiesRunning()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await copiesRunning()).toBe(0);
    // The aborted connection was closed, not handed back mid-COPY.
    expect(streamPool()?.totalCount ?? 0).toBe(0);

    const last = `HD-BULK-${String(rows).padStart(6, "0")}`;
    const lines = await csvLines(await get(`format=csv&q=${last}`));
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual([last]);
  }, 180_000);
});
