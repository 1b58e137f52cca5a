import { createTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { deleteFilterAction, renameFilterAction, reviewPriorityAction, saveFilterAction } from "@/app/(site)/(dashboard)/dashboard/tickets/finding-actions";
import { GET as savedFiltersRoute } from "@/app/api/tickets/saved-filters/route";
import { getTicketOrThrow, listTicketsForUser } from "@/lib/dal/tickets";
import { listSavedFiltersWithCounts } from "@/lib/dal/saved-filters";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";
import { createAgency, createWorld, ticketForm, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

const list = async (u: { id: string; sessionVersion: number }, f: Record<string, string> = {}) =>
  listTicketsForUser(await sessionUserOf(u), ticketListFiltersSchema.parse(f));

async function clientFiles(priority: string) {
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: `Internet putus ${priority}`, description: "Seluruh lantai 2.", priority }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}
const historyOf = (ticketId: string) =>
  testDb().ticketActivity.findMany({ where: { ticketId, field: { in: ["prioritySuggestion", "priority"] } }, orderBy: { createdAt: "asc" }, select: { field: true, fromValue: true, toValue: true, actorId: true } });

describe("the client's suggested priority", () => {
  it("is kept as a suggestion the client sees waiting, and staff confirm it in one click (history: who; clock re-targeted)", async () => {
    const t = await clientFiles("HIGH");
    expect(t).toMatchObject({ priority: "NORMAL", suggestedPriority: "HIGH", priorityReviewedAt: null });

    const mine = await getTicketOrThrow(await sessionUserOf(w.client), t.number);
    expect(mine).toMatchObject({ suggestedPriority: "HIGH", priorityReviewedAt: null });
    const row = (await list(w.staffA, { q: t.number })).rows[0]!;
    expect(row).toMatchObject({ priority: "NORMAL", pendingPriority: "HIGH" });

    // the client may suggest, not decide
    expect(await reviewPriorityAction({ ticketId: t.id })).toMatchObject({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    // staff of another department do not see the ticket at all
    await actAs(w.staffB);
    expect(await reviewPriorityAction({ ticketId: t.id })).toMatchObject({ ok: false, formError: "Tiket tidak ditemukan." });

    await actAs(w.staffA);
    expect(await reviewPriorityAction({ ticketId: t.id, priority: "HIGH" })).toEqual({ ok: true, data: { priority: "HIGH" } });
    const after = await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(after.priority).toBe("HIGH");
    expect(after.priorityReviewedAt).not.toBeNull();
    expect(after.resolutionDueAt!.getTime()).toBeLessThan(t.resolutionDueAt!.getTime());
    expect(await historyOf(t.id)).toEqual([{ field: "prioritySuggestion", fromValue: "HIGH", toValue: "HIGH", actorId: w.staffA.id }]);
    expect((await list(w.staffA, { q: t.number })).rows[0]!.pendingPriority).toBeNull();

    // a second decision (another tab, a colleague) changes nothing
    await actAs(w.admin);
    expect(await reviewPriorityAction({ ticketId: t.id, priority: "LOW" })).toMatchObject({ ok: false, formError: expect.stringMatching(/sudah ditinjau/) });
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } })).priority).toBe("HIGH");
    expect(await historyOf(t.id)).toHaveLength(1);
  });

  it("a suggestion equal to the ticket's priority (the form's default left as it was) waits for nothing", async () => {
    const t = await clientFiles("NORMAL");
    expect(t).toMatchObject({ priority: "NORMAL", suggestedPriority: "NORMAL" });
    expect((await list(w.staffA, { q: t.number })).rows[0]!.pendingPriority).toBeNull();
  });

  it("staff may set another priority instead; the history says who and what the client had asked", async () => {
    const t = await clientFiles("HIGH");
    await actAs(w.admin);
    expect(await reviewPriorityAction({ ticketId: t.id, priority: "URGENT" })).toEqual({ ok: true, data: { priority: "URGENT" } });
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } })).priority).toBe("URGENT");
    expect(await historyOf(t.id)).toEqual([{ field: "prioritySuggestion", fromValue: "HIGH", toValue: "URGENT", actorId: w.admin.id }]);
  });

  it("a priority chosen in Kelola tiket settles the waiting suggestion too", async () => {
    const t = await clientFiles("LOW");
    await actAs(w.staffA);
    expect((await updateTicketAction({ ticketId: t.id, priority: "URGENT" })).ok).toBe(true);
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } })).priorityReviewedAt).not.toBeNull();
    expect(await historyOf(t.id)).toEqual([{ field: "priority", fromValue: "NORMAL", toValue: "URGENT", actorId: w.staffA.id }]);
    expect(await reviewPriorityAction({ ticketId: t.id })).toMatchObject({ ok: false, formError: expect.stringMatching(/sudah ditinjau/) });
  });

  it("staff filing for a client decide the priority themselves (nothing waits); bad input is a field message", async () => {
    await actAs(w.staffA);
    const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Via telepon", description: "x", priority: "HIGH", clientId: w.client.id }));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
    expect(t).toMatchObject({ priority: "HIGH", suggestedPriority: null });
    expect(await reviewPriorityAction({ ticketId: t.id })).toMatchObject({ ok: false, formError: "Tiket ini tidak memiliki usulan prioritas dari client." });
    expect(await reviewPriorityAction({ ticketId: t.id, priority: "SEGERA" })).toMatchObject({ ok: false, fieldErrors: { priority: expect.any(String) } });
    expect(await reviewPriorityAction({ ticketId: "HD-2026-000001" })).toMatchObject({ ok: false, fieldErrors: { ticketId: expect.any(String) } });
  });
});

describe("search", () => {
  let rina: Awaited<ReturnType<typeof createUser>>;
  const numbers = ["HD-2026-000007", "HD-2026-000017", "HD-2026-000070", "HD-2025-000007"];
  beforeAll(async () => {
    const dinkes = await createAgency("Dinas Kesehatan Provinsi Banten");
    rina = await createUser({ role: "CLIENT", name: "Rina Wulandari", username: "rina.dinkes", agencyId: dinkes.id });
    const base = Date.parse("2026-05-01T03:00:00Z");
    await testDb().ticket.createMany({
      data: numbers.map((number, i) => ({
        number,
        subject: `Gangguan ${i}`,
        description: "Uraian",
        departmentId: w.deptA.id,
        clientId: i === 0 ? rina.id : w.client.id,
        createdById: i === 0 ? rina.id : w.client.id,
        agencyId: i === 0 ? dinkes.id : w.opdA.id,
        createdAt: new Date(base + i * 60_000),
      })),
    });
  });
  const found = async (q: string, u: { id: string; sessionVersion: number } = w.admin) => (await list(u, { q })).rows.map((r) => r.number).filter((n) => numbers.includes(n));

  it("finds a ticket by the client's name, username and OPD", async () => {
    for (const q of ["Rina", "rina wulandari", "wulan", "rina.dinkes", "Kesehatan", "dinas kesehatan banten"]) expect([q, await found(q)]).toEqual([q, ["HD-2026-000007"]]);
  });

  it("finds a ticket by its short number in every year: 7, 000007 and the whole number", async () => {
    expect((await found("7")).sort()).toEqual(["HD-2025-000007", "HD-2026-000007"]);
    expect((await found("000007")).sort()).toEqual(["HD-2025-000007", "HD-2026-000007"]);
    expect(await found("HD-2026-000007")).toEqual(["HD-2026-000007"]);
    expect(await found("hd-2026-00001")).toEqual(["HD-2026-000017"]);
    expect(await found("70")).toEqual(["HD-2026-000070"]);
    // a ticket number wins over texts with words starting with it ("Gangguan 7…" would bury it)
    await testDb().ticket.update({ where: { number: "HD-2026-000070" }, data: { description: "Galat 7 dan 404 di halaman depan" } });
    expect((await found("7")).sort()).toEqual(["HD-2025-000007", "HD-2026-000007"]);
    // no ticket has number 404: the digits are searched as a word
    expect(await found("404")).toEqual(["HD-2026-000070"]);
  });

  it("stays inside the user's scope", async () => {
    expect(await found("Rina", w.staffB)).toEqual([]); // another department
    expect(await found("Rina", w.staffA)).toEqual(["HD-2026-000007"]);
    expect(await found("Rina", w.client)).toEqual([]); // another client's ticket
    expect((await found("7", w.client)).sort()).toEqual(["HD-2025-000007"]);
    const counts = await list(w.staffA, { q: "Rina" });
    expect(counts.counts.ALL).toBe(1);
  });
});

describe("saved filters", () => {
  it("each user keeps their own: save, count, rename, delete; another user's id is not found", async () => {
    await actAs(w.staffA);
    const saved = await saveFilterAction({ name: "Mendesak saya", query: `?priority=URGENT&assignee=${w.staffA.id}&page=3&bogus=1` });
    expect(saved).toMatchObject({ ok: true, data: { name: "Mendesak saya", query: `priority=URGENT&assignee=${w.staffA.id}` } });
    if (!saved.ok) return;
    const open = await saveFilterAction({ name: "Terbuka", query: "status=OPEN" });
    expect(open.ok).toBe(true);

    const staffA = await sessionUserOf(w.staffA);
    const mine = await listSavedFiltersWithCounts(staffA);
    expect(mine.map((f) => f.name)).toEqual(["Mendesak saya", "Terbuka"]);
    expect(mine[1]!.count).toBe((await list(w.staffA, { status: "OPEN" })).counts.OPEN);
    expect(mine[1]!.more).toBe(false);

    // the data route answers with the signed-in user's own filters only
    await actAs(w.staffB);
    const res = await savedFiltersRoute(new Request("http://localhost/api/tickets/saved-filters", { headers: { cookie: [...requestContext.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { filters: unknown[] }).filters).toEqual([]);
    expect(await renameFilterAction({ id: saved.data.id, name: "Milik B" })).toMatchObject({ ok: false, formError: "Filter tidak ditemukan." });
    expect(await deleteFilterAction({ id: saved.data.id })).toMatchObject({ ok: false, formError: "Filter tidak ditemukan." });
    expect(await testDb().savedFilter.findUniqueOrThrow({ where: { id: saved.data.id } })).toMatchObject({ name: "Mendesak saya" });

    await actAs(w.staffA);
    expect(await renameFilterAction({ id: saved.data.id, name: "terbuka" })).toMatchObject({ ok: false, fieldErrors: { name: "Nama ini sudah Anda pakai untuk filter lain." } });
    expect(await renameFilterAction({ id: saved.data.id, name: "Urgen" })).toEqual({ ok: true, data: null });
    expect(await deleteFilterAction({ id: saved.data.id })).toEqual({ ok: true, data: null });
    expect((await listSavedFiltersWithCounts(staffA)).map((f) => f.name)).toEqual(["Terbuka"]);
  });

  it("bad input is a field message and saves nothing", async () => {
    await actAs(w.client);
    const before = await testDb().savedFilter.count();
    expect(await saveFilterAction({ name: "  ", query: "status=OPEN" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await saveFilterAction({ name: "x".repeat(61), query: "status=OPEN" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await saveFilterAction({ name: "Semua", query: "page=2&nonsense=1" })).toMatchObject({ ok: false, formError: expect.stringMatching(/Tidak ada yang disimpan/) });
    expect(await saveFilterAction({ name: "Dua", query: "status=OPEN", userId: w.staffA.id })).toMatchObject({ ok: false });
    expect(await renameFilterAction({ id: "bukan-id", name: "x" })).toMatchObject({ ok: false, fieldErrors: { id: expect.any(String) } });
    expect(await testDb().savedFilter.count()).toBe(before);
    await actAs(null);
    expect(await saveFilterAction({ name: "Tamu", query: "status=OPEN" })).toMatchObject({ ok: false, formError: "Sesi Anda telah berakhir. Silakan login kembali." });
  });

  it("at most 20 per user", async () => {
    const u = await createUser({ role: "CLIENT" });
    await actAs(u);
    for (let i = 0; i < 20; i++) expect((await saveFilterAction({ name: `F${i}`, query: `q=kata${i}` })).ok).toBe(true);
    expect(await saveFilterAction({ name: "F20", query: "q=lagi" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringMatching(/20/) } });
  });
});
