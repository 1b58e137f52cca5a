import { createTicketAction } from "@/app/(dashboard)/dashboard/tickets/actions";
import { actAs } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PDF, PNG, storedFiles, ticketForm, withTempDataDir } from "./helpers/tickets";

const dataDir = withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

const valid = () => ({ departmentId: w.deptA.id, subject: "Internet lambat di Dinkes", description: "Sejak pagi koneksi putus-putus.\nMohon dicek." });

describe("creating a ticket", () => {
  it("a client files a ticket with attachments: numbered, stored, recorded, notified", async () => {
    await actAs(w.client);
    const result = await createTicketAction(ticketForm(valid(), [file("bukti.png", PNG, "image/png"), file("surat.pdf", PDF)]));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.number).toMatch(/^HD-\d{4}-\d{6}$/);
    const ticket = await testDb().ticket.findUniqueOrThrow({
      where: { number: result.data.number },
      include: { attachments: true, activities: true, notifications: true },
    });
    expect(ticket).toMatchObject({ clientId: w.client.id, createdById: w.client.id, status: "OPEN", priority: "NORMAL", agencyId: w.opdA.id });
    expect(ticket.attachments.map((a) => [a.fileName, a.contentType])).toEqual(
      expect.arrayContaining([
        ["bukti.png", "image/png"],
        ["surat.pdf", "application/pdf"],
      ]),
    );
    expect(ticket.activities.map((a) => a.field)).toEqual(["created"]);
    // admins + the department's staff; not the other department, not the client who filed it
    const notified = ticket.notifications.map((n) => n.userId).sort();
    expect(notified).toEqual([w.admin.id, w.superAdmin.id, w.staffA.id, w.staffA2.id].sort());
    for (const a of ticket.attachments) expect(a.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(storedFiles(dataDir).length).toBeGreaterThanOrEqual(2);
  });

  it("a client's priority is only a suggestion; staff decide", async () => {
    await actAs(w.client);
    const r = await createTicketAction(ticketForm({ ...valid(), priority: "URGENT" }));
    expect(r.ok).toBe(true);
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    expect(t).toMatchObject({ priority: "NORMAL", suggestedPriority: "URGENT" });

    await actAs(w.staffA);
    const s = await createTicketAction(ticketForm({ ...valid(), priority: "HIGH", clientId: w.otherClient.id }));
    expect(s.ok).toBe(true);
    const st = await testDb().ticket.findUniqueOrThrow({ where: { number: s.ok ? s.data.number : "" } });
    expect(st).toMatchObject({ priority: "HIGH", clientId: w.otherClient.id, createdById: w.staffA.id, agencyId: w.opdB.id });
  });

  it("staff must name the client they file for", async () => {
    await actAs(w.admin);
    const r = await createTicketAction(ticketForm(valid()));
    expect(r).toMatchObject({ ok: false, fieldErrors: { clientId: "Pilih client yang mengajukan tiket." } });
    const r2 = await createTicketAction(ticketForm({ ...valid(), clientId: w.staffB.id }));
    expect(r2).toMatchObject({ ok: false, fieldErrors: { clientId: "Client tidak ditemukan." } });
  });

  it("a visitor cannot create a ticket and learns nothing about validation", async () => {
    await actAs(null);
    const before = await testDb().ticket.count();
    const r = await createTicketAction(ticketForm({ subject: "" }));
    expect(r).toEqual({ ok: false, formError: "Sesi Anda telah berakhir. Silakan login kembali." });
    expect(await testDb().ticket.count()).toBe(before);
  });

  it("two clients submitting at once get distinct, consecutive numbers", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const who = i % 2 ? w.client : w.otherClient;
        return (async () => {
          // actAs sets a shared cookie store, so call the DAL-level action per user sequentially in setup
          return { who, fd: ticketForm({ ...valid(), subject: `Serentak ${i}` }) };
        })();
      }),
    );
    const { createTicket } = await import("@/lib/dal/tickets");
    const { findActiveSessionUser } = await import("@/lib/dal/users");
    const users = await Promise.all(results.map((r) => findActiveSessionUser(r.who.id, r.who.sessionVersion)));
    const created = await Promise.all(
      users.map((u, i) => createTicket(u!, { departmentId: w.deptA.id, subject: `Serentak ${i}`, description: "x", attachments: [] })),
    );
    const numbers = created.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const seq = numbers.map((n) => Number(n.split("-").pop())).sort((a, b) => a - b);
    expect(seq[seq.length - 1]! - seq[0]!).toBe(numbers.length - 1);
  });
});
