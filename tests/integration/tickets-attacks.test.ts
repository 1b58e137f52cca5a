import path from "node:path";
import { createTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { listNotifications } from "@/lib/dal/notifications";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, filesUnder, PDF, PNG, storedFiles, ticketForm, withSandboxedDataDir } from "./helpers/tickets";

const { dataDir, sandbox } = withSandboxedDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});
beforeEach(async () => {
  await actAs(w.client);
});

const valid = () => ({ departmentId: w.deptA.id, subject: "Email dinas tidak bisa kirim", description: "Pesan tertahan di outbox." });
const MB = 1024 * 1024;

/** Submits, and checks that a refusal left nothing behind: no ticket, no file. */
async function refused(files: File[], fields: Record<string, string> = valid()) {
  const [tickets, stored] = [await testDb().ticket.count(), storedFiles(dataDir).length];
  const result = await createTicketAction(ticketForm(fields, files));
  expect(result.ok).toBe(false);
  expect(await testDb().ticket.count()).toBe(tickets);
  expect(await testDb().attachment.count({ where: { ticket: { subject: fields.subject } } })).toBe(0);
  expect(storedFiles(dataDir).length).toBe(stored);
  return result as { ok: false; fieldErrors?: Record<string, string>; formError?: string };
}

describe("attachments that are refused (and nothing is saved)", () => {
  it("an over-size file", async () => {
    const r = await refused([file("ok.png", PNG), file("besar.pdf", Buffer.concat([PDF, Buffer.alloc(10 * MB)]))]);
    expect(r.fieldErrors?.attachments).toBe("Berkas besar.pdf melebihi 10 MB.");
  });

  it("a 6th file", async () => {
    const r = await refused(Array.from({ length: 6 }, (_, i) => file(`f${i}.png`, PNG)));
    expect(r.fieldErrors?.attachments).toBe("Maksimal 5 berkas per pesan.");
  });

  it("a.php", async () => {
    const r = await refused([file("a.php", "<?php system($_GET['c']); ?>")]);
    expect(r.fieldErrors?.attachments).toBe("Jenis berkas a.php tidak diizinkan.");
  });

  it("a.jpg.php", async () => {
    const r = await refused([file("a.jpg.php", "<?php echo 1; ?>")]);
    expect(r.fieldErrors?.attachments).toContain("tidak diizinkan");
  });

  it("a.php.png (double extension with an allowed last one)", async () => {
    const r = await refused([file("a.php.png", PNG)]);
    expect(r.fieldErrors?.attachments).toContain("tidak diizinkan");
  });

  it("a PHP file renamed .png, even after a valid first file was accepted in the same submission", async () => {
    const r = await refused([file("asli.png", PNG), file("shell.png", "<?php system('id'); ?>")]);
    expect(r.fieldErrors?.attachments).toBe("Isi berkas shell.png tidak sesuai dengan jenisnya.");
  });

  it("an SVG file and an HTML file", async () => {
    expect((await refused([file("gambar.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')])).fieldErrors?.attachments).toContain("tidak diizinkan");
    expect((await refused([file("halaman.html", "<script>alert(1)</script>")])).fieldErrors?.attachments).toContain("tidak diizinkan");
  });

  it("HTML or SVG content hidden in an allowed .txt", async () => {
    const r = await refused([file("catatan.txt", "<html><script>alert(1)</script></html>")]);
    expect(r.fieldErrors?.attachments).toContain("tidak sesuai");
  });
});

describe("a save that fails after the files were stored", () => {
  it("removes the stored files again (the database refuses the row)", async () => {
    const before = storedFiles(dataDir).length;
    const tickets = await testDb().ticket.count();
    // A real refusal by the database: a check constraint this test adds for the duration.
    await testDb().$executeRawUnsafe(`ALTER TABLE "Ticket" ADD CONSTRAINT "test_refuse" CHECK ("description" <> 'ditolak basis data')`);
    try {
      const r = await createTicketAction(ticketForm({ ...valid(), description: "ditolak basis data" }, [file("satu.png", PNG), file("dua.pdf", PDF)]));
      expect(r).toEqual({ ok: false, formError: "Terjadi kesalahan. Silakan coba lagi." });
    } finally {
      await testDb().$executeRawUnsafe(`ALTER TABLE "Ticket" DROP CONSTRAINT "test_refuse"`);
    }
    expect(await testDb().ticket.count()).toBe(tickets);
    expect(storedFiles(dataDir).length).toBe(before);
  });

  it("a NUL byte in the text is refused at the field before any file is stored", async () => {
    const before = storedFiles(dataDir).length;
    const r = await createTicketAction(ticketForm({ ...valid(), description: "a\u0000b" }, [file("satu.png", PNG)]));
    expect(r).toMatchObject({ ok: false, fieldErrors: { description: "Isian memuat karakter yang tidak diizinkan." } });
    expect(storedFiles(dataDir).length).toBe(before);
  });
});

describe("file names are cleaned", () => {
  it("../, quotes and CR/LF never reach the disk or the download header", async () => {
    const before = new Set(filesUnder(sandbox));
    const r = await createTicketAction(ticketForm(valid(), [file('../../etc/pa"ss\r\nX-Evil: 1.png', PNG)]));
    expect(r.ok).toBe(true);
    const a = await testDb().attachment.findFirstOrThrow({ where: { ticket: { number: r.ok ? r.data.number : "" } } });
    expect(a.fileName).not.toMatch(/[\/\\"\r\n]/);
    expect(a.fileName.endsWith(".png")).toBe(true);
    expect(a.storageKey).toMatch(/^[a-f0-9]{32}$/);
    // The one new file anywhere in the sandbox is the one named by its storage key.
    const added = filesUnder(sandbox).filter((f) => !before.has(f));
    expect(added).toEqual([path.join(dataDir, "attachments", a.storageKey.slice(0, 2), a.storageKey)]);

    const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${a.id}`), { params: Promise.resolve({ id: a.id }) });
    expect(res.status).toBe(200);
    const cd = res.headers.get("content-disposition")!;
    expect(cd).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/);
    expect(cd).not.toMatch(/[\r\n]/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("non-ASCII names survive in filename* (RFC 6266)", async () => {
    const r = await createTicketAction(ticketForm(valid(), [file("laporan ümlaut résumé.pdf", PDF)]));
    const a = await testDb().attachment.findFirstOrThrow({ where: { ticket: { number: r.ok ? r.data.number : "" } } });
    const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${a.id}`), { params: Promise.resolve({ id: a.id }) });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="laporan _mlaut r_sum_.pdf"; filename*=UTF-8''laporan%20%C3%BCmlaut%20r%C3%A9sum%C3%A9.pdf`,
    );
  });

  it("a raster image may be shown inline; a PDF never is", async () => {
    const r = await createTicketAction(ticketForm(valid(), [file("foto.png", PNG), file("dok.pdf", PDF)]));
    const rows = await testDb().attachment.findMany({ where: { ticket: { number: r.ok ? r.data.number : "" } } });
    for (const a of rows) {
      const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${a.id}?inline=1`), { params: Promise.resolve({ id: a.id }) });
      if (a.fileName === "foto.png") {
        expect(res.headers.get("content-type")).toBe("image/png");
        expect(res.headers.get("content-disposition")).toMatch(/^inline;/);
      } else {
        expect(res.headers.get("content-type")).toBe("application/octet-stream");
        expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
      }
    }
  });
});

describe("bad text input", () => {
  it("an empty or whitespace-only subject", async () => {
    for (const subject of ["", "   \n\t "]) {
      const r = await createTicketAction(ticketForm({ ...valid(), subject }));
      expect(r).toMatchObject({ ok: false, fieldErrors: { subject: "Wajib diisi." } });
    }
  });

  it("a 201-char subject and a 20,001-char body", async () => {
    const r = await createTicketAction(ticketForm({ ...valid(), subject: "s".repeat(201), description: "x".repeat(20_001) }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { subject: "Maksimal 200 karakter.", description: "Maksimal 20000 karakter." } });
    const ok = await createTicketAction(ticketForm({ ...valid(), description: "x".repeat(20_000) }));
    expect(ok.ok).toBe(true);
  });

  it("an unknown department id, and a malformed one", async () => {
    const before = await testDb().ticket.count();
    const r = await createTicketAction(ticketForm({ ...valid(), departmentId: "7d1f2c3a-1111-4222-8333-944455556666" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { departmentId: "Department tidak ditemukan." } });
    const r2 = await createTicketAction(ticketForm({ ...valid(), departmentId: "1 OR 1=1" }));
    expect(r2).toMatchObject({ ok: false, fieldErrors: { departmentId: "Pilihan tidak valid." } });
    expect(await testDb().ticket.count()).toBe(before);
  });

  it("<img src=x onerror=alert(1)> in subject and body is kept as text, unchanged (React renders it escaped)", async () => {
    const payload = "<img src=x onerror=alert(1)>";
    const r = await createTicketAction(ticketForm({ ...valid(), subject: payload, description: `${payload}\n<script>alert(2)</script>` }));
    expect(r.ok).toBe(true);
    const t = await getTicketOrThrow(await sessionUserOf(w.client), r.ok ? r.data.number : "");
    expect(t.subject).toBe(payload);
    expect(t.description).toBe(`${payload}\n<script>alert(2)</script>`);
  });
});

describe("fields a client may not set", () => {
  it("status and assigneeId on creation are rejected; priority becomes only a suggestion", async () => {
    const before = await testDb().ticket.count();
    const r = await createTicketAction(ticketForm({ ...valid(), status: "RESOLVED", assigneeId: w.staffA.id }));
    expect(r).toMatchObject({ ok: false, formError: "Ada isian yang tidak dikenal." });
    expect(await testDb().ticket.count()).toBe(before);
  });

  it("a client naming another client as the requester files for itself", async () => {
    const r = await createTicketAction(ticketForm({ ...valid(), clientId: w.otherClient.id }));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    expect(t.clientId).toBe(w.client.id);
  });

  it("priority, department and assignee changes by the client are refused and nothing changes", async () => {
    const r = await createTicketAction(ticketForm(valid()));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    for (const change of [{ priority: "URGENT" }, { departmentId: w.deptB.id }, { assigneeId: w.staffA.id }, { status: "IN_PROGRESS" }]) {
      const u = await updateTicketAction({ ticketId: t.id, ...change });
      expect(u).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    }
    const after = await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(after).toMatchObject({ priority: t.priority, departmentId: t.departmentId, assigneeId: null, status: "OPEN" });
    expect(await testDb().ticketActivity.count({ where: { ticketId: t.id } })).toBe(1);
  });

  it("a client cannot post an internal note", async () => {
    const r = await createTicketAction(ticketForm(valid()));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    const reply = await replyToTicketAction(ticketForm({ ticketId: t.id, body: "rahasia", internal: "true" }));
    expect(reply).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await testDb().ticketMessage.count({ where: { ticketId: t.id } })).toBe(0);
  });
});

describe("internal notes never reach the client", () => {
  it("not in the ticket page data, not as a download, not as a notification", async () => {
    const r = await createTicketAction(ticketForm(valid()));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    await actAs(w.staffA);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Catatan: password router admin123", internal: "true" }, [file("config.pdf", PDF)]))).ok).toBe(true);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Sedang kami cek." }))).ok).toBe(true);

    const client = await sessionUserOf(w.client);
    const seen = await getTicketOrThrow(client, t.number);
    expect(JSON.stringify(seen)).not.toContain("admin123");
    expect(JSON.stringify(seen)).not.toContain("config.pdf");
    expect(seen.messages.map((m) => m.body)).toEqual(["Sedang kami cek."]);

    const noteFile = await testDb().attachment.findFirstOrThrow({ where: { ticketId: t.id, fileName: "config.pdf" } });
    await actAs(w.client);
    const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${noteFile.id}`), { params: Promise.resolve({ id: noteFile.id }) });
    expect(res.status).toBe(404);

    const notes = await listNotifications(client);
    expect(notes.rows.map((n) => n.kind)).not.toContain("TICKET_NOTE");
    expect(await testDb().notification.count({ where: { userId: w.client.id, kind: "TICKET_NOTE" } })).toBe(0);

    const staff = await sessionUserOf(w.staffA);
    expect((await getTicketOrThrow(staff, t.number)).messages.map((m) => m.internal)).toEqual([true, false]);
  });
});

describe("a client's reply to another client's ticket", () => {
  it("is 'not found' and stores nothing", async () => {
    await actAs(w.otherClient);
    const r = await createTicketAction(ticketForm({ ...valid(), subject: "punya orang lain" }));
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    await actAs(w.client);
    const reply = await replyToTicketAction(ticketForm({ ticketId: t.id, body: "ikut campur" }, [file("x.png", PNG)]));
    expect(reply).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    expect(await testDb().ticketMessage.count({ where: { ticketId: t.id } })).toBe(0);
  });
});
