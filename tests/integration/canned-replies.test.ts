import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from "@/app/(site)/(dashboard)/dashboard/canned-replies/actions";
import { createTicketAction, replyToTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { GET as cannedRoute } from "@/app/api/canned-replies/route";
import { listCannedReplies } from "@/lib/dal/canned-replies";
import type { CannedChoice } from "@/components/tickets/canned-reply-menu";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PDF, PNG, storedFiles, ticketForm, withTempDataDir } from "./helpers/tickets";

const dataDir = withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

const FORBIDDEN = "Anda tidak memiliki akses untuk tindakan ini.";

async function newTicket(departmentId = w.deptA.id) {
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId, subject: "Email dinas penuh", description: "Kotak masuk penuh." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

async function canned(fields: Record<string, string>, files: File[] = []) {
  await actAs(w.admin);
  const r = await createCannedReplyAction(ticketForm(fields, files));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

/** The reply box's menu, as the browser asks for it. */
async function menu(ticketId: string, q = "") {
  const res = await cannedRoute(new Request(`http://localhost/api/canned-replies?${new URLSearchParams({ ticketId, q })}`));
  return { status: res.status, choices: res.status === 200 ? ((await res.json()) as CannedChoice[]) : [] };
}

describe("managing canned replies (Admin, Super Admin)", () => {
  it("an admin adds one with a file, edits it (one file off, one on), lists it, deletes it; storage follows every step", async () => {
    const before = storedFiles(dataDir).length;
    const id = await canned({ title: "Reset kata sandi", body: "Halo {{nama_klien}}, kata sandi sudah direset.", departmentId: w.deptA.id }, [file("panduan.pdf", PDF)]);
    expect(storedFiles(dataDir).length).toBe(before + 1);
    const first = await testDb().cannedReplyAttachment.findFirstOrThrow({ where: { cannedReplyId: id } });

    await actAs(w.superAdmin);
    const fd = ticketForm({ id, title: "Reset kata sandi e-mail", body: "Halo {{nama_klien}}.", departmentId: "", removeAttachmentIds: first.id }, [file("langkah.png", PNG)]);
    expect(await updateCannedReplyAction(fd)).toEqual({ ok: true, data: { id } });
    const after = await testDb().cannedReply.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect(after).toMatchObject({ title: "Reset kata sandi e-mail", departmentId: null });
    expect(after.attachments.map((a) => a.fileName)).toEqual(["langkah.png"]);
    expect(storedFiles(dataDir).length).toBe(before + 1);

    const list = await listCannedReplies(await sessionUserOf(w.admin), { q: "e-mail", page: 1 });
    expect(list.rows.map((r) => [r.title, r.department, r._count.attachments])).toEqual([["Reset kata sandi e-mail", null, 1]]);

    expect(await deleteCannedReplyAction({ id })).toEqual({ ok: true, data: { id } });
    expect(await testDb().cannedReply.count({ where: { id } })).toBe(0);
    expect(storedFiles(dataDir).length).toBe(before);
    expect(await testDb().auditLog.count({ where: { target: `cannedReply:${id}` } })).toBe(3);
  });

  it("a save that fails leaves no file behind; bad input gets field messages", async () => {
    const before = storedFiles(dataDir).length;
    await actAs(w.admin);
    const inactive = await testDb().department.create({ data: { name: `Tutup ${Date.now()}`, active: false } });
    expect(await createCannedReplyAction(ticketForm({ title: "X", body: "Y", departmentId: inactive.id }, [file("a.png", PNG)]))).toEqual({
      ok: false,
      fieldErrors: { departmentId: "Pilih departemen yang masih aktif." },
    });
    expect(storedFiles(dataDir).length).toBe(before);
    const bad = await createCannedReplyAction(ticketForm({ title: "", body: "", departmentId: "bukan" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { title: expect.any(String), body: expect.any(String), departmentId: expect.any(String) } });
    const evil = await createCannedReplyAction(ticketForm({ title: "Skrip", body: "x", departmentId: "" }, [file("skrip.php.png", PNG)]));
    expect(evil).toMatchObject({ ok: false, fieldErrors: { attachments: expect.any(String) } });
    expect(await updateCannedReplyAction(ticketForm({ id: "6b1f4c7e-2a43-4c55-9d1e-7c0a1b2c3d4e", title: "X", body: "Y", departmentId: "" }))).toEqual({
      ok: false,
      formError: "Balasan cepat tidak ditemukan.",
    });
    expect(await testDb().cannedReply.count({ where: { title: { in: ["X", "Skrip"] } } })).toBe(0);
  });

  it.each(["STAFF", "CLIENT"] as const)("%s cannot add, edit or delete one; nothing changes", async (role) => {
    const id = await canned({ title: `Milik admin ${role}`, body: "Teks", departmentId: "" });
    await actAs(role === "STAFF" ? w.staffA : w.client);
    expect(await createCannedReplyAction(ticketForm({ title: "Baru", body: "Teks", departmentId: "" }))).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await updateCannedReplyAction(ticketForm({ id, title: "Diubah", body: "Teks", departmentId: "" }))).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await deleteCannedReplyAction({ id })).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await testDb().cannedReply.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: `Milik admin ${role}` });
  });
});

describe("inserting them in the reply box", () => {
  it("fills the variables from the ticket; an unknown one stays as typed", async () => {
    await canned({ title: "Sapaan isi", body: "Yth. {{nama_klien}}, tiket {{ nomor_tiket }} ({{departemen}}) ditangani {{nama_petugas}} sebelum {{batas_waktu}}. {{tanda_tangan}}", departmentId: "" });
    const t = await newTicket();
    await actAs(w.staffA);
    const { status, choices } = await menu(t.id, "Sapaan isi");
    expect(status).toBe(200);
    expect(choices).toHaveLength(1);
    expect(choices[0]!.body).toMatch(new RegExp(`^Yth\\. Client Satu, tiket ${t.number} \\(${w.deptA.name}\\) ditangani Staff A sebelum .+\\d.+\\. \\{\\{tanda_tangan\\}\\}$`));
    expect(choices[0]!.body).not.toContain("{{batas_waktu}}");
  });

  it("staff see the global ones and their own department's; a manager on a ticket sees the global ones and the ticket's department's", async () => {
    const tag = `Vis${Date.now()}`;
    await canned({ title: `${tag} global`, body: "g", departmentId: "" });
    await canned({ title: `${tag} jaringan`, body: "a", departmentId: w.deptA.id });
    await canned({ title: `${tag} website`, body: "b", departmentId: w.deptB.id });
    const ticketA = await newTicket(w.deptA.id);
    const ticketB = await newTicket(w.deptB.id);
    const titles = async (ticketId: string) => (await menu(ticketId, tag)).choices.map((c) => c.title).sort();

    await actAs(w.staffA);
    expect(await titles(ticketA.id)).toEqual([`${tag} global`, `${tag} jaringan`]);
    // A ticket of another department is not theirs to see: not found, and no canned reply leaks.
    expect(await menu(ticketB.id, tag)).toEqual({ status: 404, choices: [] });
    await actAs(w.staffB);
    expect(await titles(ticketB.id)).toEqual([`${tag} global`, `${tag} website`]);
    await actAs(w.admin);
    expect(await titles(ticketA.id)).toEqual([`${tag} global`, `${tag} jaringan`]);
    expect(await titles(ticketB.id)).toEqual([`${tag} global`, `${tag} website`]);
    await actAs(w.client);
    expect((await menu(ticketA.id, tag)).status).toBe(403);
    await actAs(null);
    expect((await menu(ticketA.id, tag)).status).toBe(401);
    await actAs(w.staffA);
    expect((await menu("bukan-id", tag)).status).toBe(400);
  });

  it("the files of an inserted canned reply are copied onto the reply; one the user may not insert is refused and nothing is saved", async () => {
    const idA = await canned({ title: "Panduan VPN", body: "Lihat panduan terlampir.", departmentId: w.deptA.id }, [file("vpn.pdf", PDF)]);
    const idB = await canned({ title: "Panduan web", body: "Lihat panduan.", departmentId: w.deptB.id }, [file("web.pdf", PDF)]);
    const fileA = await testDb().cannedReplyAttachment.findFirstOrThrow({ where: { cannedReplyId: idA } });
    const fileB = await testDb().cannedReplyAttachment.findFirstOrThrow({ where: { cannedReplyId: idB } });
    const t = await newTicket(w.deptA.id);
    const before = storedFiles(dataDir).length;

    await actAs(w.staffA);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Lihat panduan.", cannedAttachmentIds: fileB.id }))).toEqual({
      ok: false,
      fieldErrors: { attachments: "Lampiran balasan cepat sudah tidak tersedia; sisipkan balasannya lagi." },
    });
    await actAs(w.client);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Coba", cannedAttachmentIds: fileA.id }))).toEqual({ ok: false, formError: FORBIDDEN });
    expect(await testDb().ticketMessage.count({ where: { ticketId: t.id } })).toBe(0);
    expect(storedFiles(dataDir).length).toBe(before);

    await actAs(w.staffA);
    const fd = ticketForm({ ticketId: t.id, body: "Lihat panduan terlampir.", cannedAttachmentIds: fileA.id }, [file("layar.png", PNG)]);
    expect((await replyToTicketAction(fd)).ok).toBe(true);
    const sent = await testDb().attachment.findMany({ where: { ticketId: t.id, messageId: { not: null } }, orderBy: { fileName: "asc" } });
    expect(sent.map((a) => a.fileName)).toEqual(["layar.png", "vpn.pdf"]);
    // The reply owns a copy: deleting the canned reply leaves the sent file where it is.
    expect(sent.find((a) => a.fileName === "vpn.pdf")!.storageKey).not.toBe(fileA.storageKey);
    await actAs(w.admin);
    expect(storedFiles(dataDir).length).toBe(before + 2);
    expect((await deleteCannedReplyAction({ id: idA })).ok).toBe(true);
    // The canned reply's own file is gone; the reply's two files stay.
    const left = storedFiles(dataDir);
    expect(left.length).toBe(before + 1);
    for (const a of sent) expect(left.some((f) => f.endsWith(a.storageKey))).toBe(true);
  });
});
