import { createTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { findMergeTargetAction, linkTicketAction, mergeTicketAction, unlinkTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/relation-actions";
import { bulkUpdateTicketsAction } from "@/app/(site)/(dashboard)/dashboard/tickets/bulk-actions";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { getTicketRelations } from "@/lib/dal/tickets/relations";
import { composeMail } from "@/lib/mail/compose";
import { processInboundMail } from "@/lib/mail/inbound";
import { replyAddressFor } from "@/lib/mail/reply-token";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PDF, PNG, ticketForm, withTempDataDir } from "./helpers/tickets";
import { rawMail } from "./helpers/raw-mail";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
let neighbour: Awaited<ReturnType<typeof createUser>>; // a second client of the first client's OPD
beforeAll(async () => {
  w = await createWorld();
  neighbour = await createUser({ role: "CLIENT", agencyId: w.opdA.id, name: "Client Tetangga" });
});

type Person = Awaited<ReturnType<typeof createUser>>;
let serial = 0;
async function fileTicket(client: Person, subject: string, files: File[] = [], departmentId = w.deptA.id) {
  await actAs(client);
  const r = await createTicketAction(ticketForm({ departmentId, subject, description: `${subject} — uraian` }, files));
  if (!r.ok) throw new Error(JSON.stringify(r));
  // Distinct creation times, so "time order" is a real order in the assertions.
  const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
  await testDb().ticket.update({ where: { id: t.id }, data: { createdAt: new Date(Date.UTC(2026, 11, 1, 8, serial++)) } });
  return testDb().ticket.findUniqueOrThrow({ where: { id: t.id } });
}
async function reply(user: Person, ticketId: string, body: string, at: Date, files: File[] = [], internal = false) {
  await actAs(user);
  const r = await replyToTicketAction(ticketForm({ ticketId, body, internal: internal ? "on" : undefined }, files));
  if (!r.ok) throw new Error(JSON.stringify(r));
  await testDb().ticketMessage.update({ where: { id: r.data.id }, data: { createdAt: at } });
}
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 1, hour, minute));
const snapshot = (id: string) =>
  testDb().ticket.findUniqueOrThrow({ where: { id }, select: { status: true, mergedIntoId: true, closedAt: true, updatedAt: true } });
const download = async (user: Person, id: string) => {
  await actAs(user);
  return downloadAttachment(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id }) });
};

describe("merging a duplicate into the ticket that stays", () => {
  it("threads combined in time order marked with the source, files kept, the source closed with a pointer, both clients told", async () => {
    const target = await fileTicket(w.client, "Internet kantor lambat");
    const source = await fileTicket(neighbour, "Jaringan lantai 2 lambat", [file("denah.pdf", PDF)]);
    await reply(w.staffA, target.id, "Sedang kami cek di sisi router.", at(9));
    await reply(neighbour, source.id, "Ini tangkapan speedtest.", at(10), [file("speed.png", PNG)]);
    await reply(w.staffA, source.id, "Kemungkinan sama dengan tiket lain", at(10, 30), [], true);
    await reply(w.client, target.id, "Masih lambat siang ini.", at(11));

    await actAs(w.staffA);
    // The dialog's first step: the typed number (its running number is enough) and both subjects.
    const found = await findMergeTargetAction({ sourceId: source.id, target: String(Number(target.number.slice(-6))) });
    expect(found).toEqual({ ok: true, data: { id: target.id, number: target.number, subject: target.subject, source: { number: source.number, subject: source.subject } } });
    expect(await mergeTicketAction({ sourceId: source.id, targetId: target.id })).toEqual({ ok: true, data: { number: target.number } });

    // The target's thread, as staff see it: the source's description, replies and note among its own, by time.
    const staffView = await getTicketOrThrow(await sessionUserOf(w.staffA), target.number);
    expect(staffView.messages.map((m) => [m.body, m.mergedFrom])).toEqual([
      [source.description, source.number],
      ["Sedang kami cek di sisi router.", null],
      ["Ini tangkapan speedtest.", source.number],
      ["Kemungkinan sama dengan tiket lain", source.number],
      ["Masih lambat siang ini.", null],
    ]);
    expect(staffView.messages[0]!.attachments.map((a) => a.fileName)).toEqual(["denah.pdf"]);
    expect(staffView.messages[2]!.attachments.map((a) => a.fileName)).toEqual(["speed.png"]);
    expect(staffView.activities.map((a) => [a.field, a.toValue]).at(-1)).toEqual(["mergedFrom", source.number]);

    // The target's client: no internal note; the source's files downloadable through the target.
    const clientView = await getTicketOrThrow(await sessionUserOf(w.client), target.number);
    expect(clientView.messages.map((m) => m.body)).not.toContain("Kemungkinan sama dengan tiket lain");
    const png = clientView.messages.find((m) => m.body === "Ini tangkapan speedtest.")!.attachments[0]!;
    const res = await download(w.client, png.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // …and still by the source's own client, through the source.
    expect((await download(neighbour, png.id)).status).toBe(200);
    // A client of another OPD still gets nothing.
    expect((await download(w.otherClient, png.id)).status).toBe(404);

    // The source: closed, pointing at the target, read-only.
    expect(await snapshot(source.id)).toMatchObject({ status: "CLOSED", mergedIntoId: target.id, closedAt: expect.any(Date) });
    const pointer = await getTicketRelations(await sessionUserOf(neighbour), source.number);
    expect(pointer.mergedInto).toEqual({ number: target.number, visible: false }); // the neighbour cannot open the client's ticket
    expect((await getTicketRelations(await sessionUserOf(w.staffA), source.number)).mergedInto).toEqual({ number: target.number, visible: true });
    const sourceView = await getTicketOrThrow(await sessionUserOf(neighbour), source.number);
    expect(sourceView.can).toMatchObject({ reply: false, statuses: [] });
    expect(sourceView.activities.map((a) => [a.field, a.toValue]).slice(-2)).toEqual([["status", "CLOSED"], ["mergedInto", target.number]]);

    const refusal = `Tiket ini sudah digabung ke ${target.number}; balas di tiket ${target.number}.`;
    await actAs(neighbour);
    expect(await replyToTicketAction(ticketForm({ ticketId: source.id, body: "Masih lambat" }))).toEqual({ ok: false, formError: refusal });
    expect((await updateTicketAction({ ticketId: source.id, status: "OPEN" })).ok).toBe(false);
    await actAs(w.staffA);
    expect(await replyToTicketAction(ticketForm({ ticketId: source.id, body: "Dari staff" }))).toEqual({ ok: false, formError: refusal });
    expect((await updateTicketAction({ ticketId: source.id, status: "OPEN" })).ok).toBe(false);
    expect((await snapshot(source.id)).status).toBe("CLOSED");

    // Both clients told: a bell entry and a mail each, on the ticket they can open.
    const notified = await testDb().notification.findMany({ where: { kind: "TICKET_MERGED", ticketId: { in: [source.id, target.id] } } });
    expect(notified.map((n) => [n.userId, n.ticketId]).sort()).toEqual([[neighbour.id, source.id], [w.client.id, target.id]].sort());
    const mails = await testDb().emailOutbox.findMany({ where: { kind: "ticketMerged", ticketId: { in: [source.id, target.id] } } });
    expect(mails.map((m) => [m.toAddress, m.ticketId]).sort()).toEqual([[neighbour.email, source.id], [w.client.email, target.id]].sort());
    const composed = await composeMail(mails.find((m) => m.toAddress === neighbour.email)!);
    expect(composed.subject).toBe(`[${source.number}] ${source.number} digabung ke ${target.number}`);
    expect(composed.text).toContain(`balasan e-mail ke ${source.number} masuk ke ${target.number}`);
  });

  it("an e-mail reply to the source lands in the target: from the same client, and from the source's client who cannot open the target", async () => {
    const target = await fileTicket(w.client, "Server aplikasi down");
    const own = await fileTicket(w.client, "Aplikasi tidak bisa dibuka");
    const neighbours = await fileTicket(neighbour, "SIMPEG tidak bisa diakses");
    await actAs(w.admin);
    expect((await mergeTicketAction({ sourceId: own.id, targetId: target.id })).ok).toBe(true);
    expect((await mergeTicketAction({ sourceId: neighbours.id, targetId: target.id })).ok).toBe(true);

    const mail = (from: Person, ticket: { id: string; number: string }, text: string) =>
      rawMail({ from: from.email, to: replyAddressFor(ticket), subject: `Re: [${ticket.number}]`, messageId: `<${Math.random().toString(16).slice(2)}@mail.example.go.id>`, text });
    expect(await processInboundMail(await mail(w.client, own, "Sudah normal lagi?"))).toEqual({ outcome: "reply", ticketId: target.id });
    expect(await processInboundMail(await mail(neighbour, neighbours, "Di tempat kami masih mati."))).toEqual({ outcome: "reply", ticketId: target.id });
    // A client of another OPD gets nothing in by replying to the source's address.
    expect((await processInboundMail(await mail(w.otherClient, neighbours, "Menyusup"))).outcome).toBe("refused:notAllowed");

    const landed = await testDb().ticketMessage.findMany({ where: { ticketId: target.id }, orderBy: { createdAt: "asc" }, select: { body: true, authorId: true } });
    expect(landed).toEqual([
      { body: "Sudah normal lagi?", authorId: w.client.id },
      { body: "Di tempat kami masih mati.", authorId: neighbour.id },
    ]);
    expect(await testDb().ticketMessage.count({ where: { ticketId: { in: [own.id, neighbours.id] } } })).toBe(0);
    // The target's handlers hear about it as a client reply.
    expect(await testDb().notification.count({ where: { ticketId: target.id, kind: "TICKET_REPLY", userId: w.staffA.id } })).toBe(2);
  });

  it("a bulk status change on the list leaves a merged ticket closed (skipped, counted)", async () => {
    const a = await fileTicket(w.client, "Bulk A");
    const b = await fileTicket(w.client, "Bulk B");
    await actAs(w.admin);
    expect((await mergeTicketAction({ sourceId: b.id, targetId: a.id })).ok).toBe(true);
    const r = await bulkUpdateTicketsAction({ selection: { ids: [a.id, b.id] }, change: { kind: "status", status: "IN_PROGRESS" } });
    expect(r).toEqual({ ok: true, data: { matched: 2, changed: 1, unchanged: 0, skipped: { notAllowed: 1 } } });
    expect(await snapshot(b.id)).toMatchObject({ status: "CLOSED", mergedIntoId: a.id });
  });

  it("a ticket merged into the source earlier follows it into the target (one level, never a chain)", async () => {
    const a = await fileTicket(w.client, "A");
    const b = await fileTicket(w.client, "B");
    const c = await fileTicket(w.client, "C");
    await actAs(w.staffA);
    expect((await mergeTicketAction({ sourceId: c.id, targetId: b.id })).ok).toBe(true);
    expect((await mergeTicketAction({ sourceId: b.id, targetId: a.id })).ok).toBe(true);
    expect((await snapshot(c.id)).mergedIntoId).toBe(a.id);
    const view = await getTicketOrThrow(await sessionUserOf(w.staffA), a.number);
    expect(view.messages.map((m) => m.mergedFrom).sort()).toEqual([b.number, c.number]);
  });

  describe("bad input: a message at the field, nothing changed", () => {
    it.each([
      ["into itself", "self"],
      ["into a ticket the user cannot see (the same answer as a number that does not exist)", "hidden"],
      ["into a number that does not exist", "missing"],
      ["into a ticket already merged", "mergedTarget"],
      ["a source already merged", "mergedSource"],
      ["across OPD", "otherAgency"],
    ] as const)("merging %s", async (_name, kind) => {
      const source = await fileTicket(w.client, `Sumber ${kind}`);
      const other = await fileTicket(w.client, `Lain ${kind}`);
      const hidden = await fileTicket(w.client, `Website ${kind}`, [], w.deptB.id); // Staff A does not see department B
      const foreign = await fileTicket(w.otherClient, `OPD lain ${kind}`);
      if (kind === "mergedTarget" || kind === "mergedSource") {
        await actAs(w.admin);
        expect((await mergeTicketAction(kind === "mergedTarget" ? { sourceId: other.id, targetId: hidden.id } : { sourceId: source.id, targetId: hidden.id })).ok).toBe(true);
      }
      const typed = { self: source.number, hidden: hidden.number, missing: "HD-1999-999999", mergedTarget: other.number, mergedSource: other.number, otherAgency: foreign.number }[kind];
      const actor = kind === "otherAgency" || kind === "mergedTarget" || kind === "mergedSource" ? w.admin : w.staffA;
      const message = {
        self: "Tiket tidak dapat digabung ke dirinya sendiri.",
        hidden: "Tiket tidak ditemukan.",
        missing: "Tiket tidak ditemukan.",
        mergedTarget: `${other.number} sudah digabung ke ${hidden.number}; pilih ${hidden.number} sebagai tujuan.`,
        mergedSource: `Tiket ini sudah digabung ke ${hidden.number}.`,
        otherAgency: "Hanya tiket dari client yang sama atau dari OPD yang sama yang dapat digabung.",
      }[kind];
      const before = await Promise.all([source, other, hidden, foreign].map((t) => snapshot(t.id)));
      await actAs(actor);
      expect(await findMergeTargetAction({ sourceId: source.id, target: typed })).toEqual({ ok: false, fieldErrors: { target: message } });
      const targetId = { self: source.id, hidden: hidden.id, missing: "00000000-0000-4000-8000-000000000000", mergedTarget: other.id, mergedSource: other.id, otherAgency: foreign.id }[kind];
      expect(await mergeTicketAction({ sourceId: source.id, targetId })).toEqual({ ok: false, fieldErrors: { target: message } });
      expect(await Promise.all([source, other, hidden, foreign].map((t) => snapshot(t.id)))).toEqual(before);
    });

    it("an empty or over-long number is a field message; a client may not merge at all", async () => {
      const source = await fileTicket(w.client, "Sumber kosong");
      await actAs(w.staffA);
      expect(await findMergeTargetAction({ sourceId: source.id, target: "  " })).toMatchObject({ ok: false, fieldErrors: { target: expect.any(String) } });
      expect(await findMergeTargetAction({ sourceId: source.id, target: "x".repeat(65) })).toMatchObject({ ok: false, fieldErrors: { target: expect.any(String) } });
      await actAs(w.client);
      const other = await fileTicket(w.client, "Lain");
      expect(await mergeTicketAction({ sourceId: source.id, targetId: other.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
      expect((await snapshot(source.id)).mergedIntoId).toBeNull();
    });
  });
});

describe("linking related tickets", () => {
  it("shows on both pages; unlink removes it from both; a client never sees a link to a ticket outside their scope", async () => {
    const mine = await fileTicket(w.client, "VPN putus");
    const related = await fileTicket(w.client, "VPN lambat");
    const theirs = await fileTicket(w.otherClient, "VPN OPD lain");
    await actAs(w.admin);
    expect(await linkTicketAction({ ticketId: mine.id, target: related.number })).toEqual({ ok: true, data: { number: related.number } });
    expect(await linkTicketAction({ ticketId: theirs.id, target: mine.number })).toEqual({ ok: true, data: { number: mine.number } });

    const numbers = async (user: Person, number: string) => (await getTicketRelations(await sessionUserOf(user), number)).links.map((l) => l.number).sort();
    expect(await numbers(w.admin, mine.number)).toEqual([related.number, theirs.number].sort());
    expect(await numbers(w.admin, related.number)).toEqual([mine.number]);
    expect(await numbers(w.admin, theirs.number)).toEqual([mine.number]);
    // The client sees the link to their own ticket, and nothing of the other OPD's ticket.
    const clientSees = await getTicketRelations(await sessionUserOf(w.client), mine.number);
    expect(clientSees.links.map((l) => l.number)).toEqual([related.number]);
    expect(clientSees.linkCount).toBe(1);
    expect(clientSees.can).toEqual({ merge: false, link: false });
    expect(await numbers(w.otherClient, theirs.number)).toEqual([]);

    expect(await unlinkTicketAction({ ticketId: related.id, otherId: mine.id })).toEqual({ ok: true, data: null });
    expect(await numbers(w.admin, mine.number)).toEqual([theirs.number]);
    expect(await numbers(w.admin, related.number)).toEqual([]);
  });

  it("bad input: itself, twice, a ticket out of sight, unlinking what is not linked; a client may not link", async () => {
    const a = await fileTicket(w.client, "Printer jaringan");
    const b = await fileTicket(w.client, "Printer lantai 3");
    const hidden = await fileTicket(w.client, "Website lambat", [], w.deptB.id);
    await actAs(w.staffA);
    expect(await linkTicketAction({ ticketId: a.id, target: a.number })).toEqual({ ok: false, fieldErrors: { target: "Tiket tidak dapat ditautkan ke dirinya sendiri." } });
    expect(await linkTicketAction({ ticketId: a.id, target: hidden.number })).toEqual({ ok: false, fieldErrors: { target: "Tiket tidak ditemukan." } });
    expect((await linkTicketAction({ ticketId: a.id, target: b.number })).ok).toBe(true);
    expect(await linkTicketAction({ ticketId: b.id, target: a.number })).toEqual({ ok: false, fieldErrors: { target: `Tiket ini sudah terkait dengan ${a.number}.` } });
    expect(await unlinkTicketAction({ ticketId: a.id, otherId: hidden.id })).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    expect(await testDb().ticketLink.count({ where: { OR: [{ ticketAId: a.id }, { ticketBId: a.id }] } })).toBe(1);
    await actAs(w.client);
    expect(await linkTicketAction({ ticketId: a.id, target: hidden.number })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await unlinkTicketAction({ ticketId: a.id, otherId: b.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await testDb().ticketLink.count({ where: { OR: [{ ticketAId: a.id }, { ticketBId: a.id }] } })).toBe(1);
  });
});
