import { randomBytes } from "node:crypto";
import { createTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { processInboundMail, stripQuotedHistory } from "@/lib/mail/inbound";
import { replyAddressFor } from "@/lib/mail/reply-token";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, PDF, storedFiles, ticketForm, withTempDataDir } from "./helpers/tickets";
import { rawMail } from "./helpers/raw-mail";

const dataDir = withTempDataDir();
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(async () => {
  await testDb().emailOutbox.deleteMany();
});

async function fileTicket(subject = "Website OPD tidak bisa dibuka") {
  await actAs(world.client);
  const r = await createTicketAction(ticketForm({ departmentId: world.deptA.id, subject, description: "Error 502." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

const mid = () => `<${randomBytes(8).toString("hex")}@mail.example.go.id>`;
const messages = (ticketId: string) => testDb().ticketMessage.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
const setTicketSettings = async (value: Record<string, unknown>) => {
  const current = ((await testDb().setting.findUnique({ where: { key: "ticket" } }))?.value ?? {}) as object;
  await testDb().setting.upsert({ where: { key: "ticket" }, update: { value: { ...current, ...value } as never }, create: { key: "ticket", value: value as never } });
  forgetCachedSettings();
};

it("a reply to the ticket's reply address becomes the client's reply, quoted history stripped, staff told", async () => {
  const ticket = await fileTicket();
  const raw = await rawMail({
    from: `Client Satu <${world.client.email}>`,
    to: replyAddressFor(ticket),
    subject: `Re: [${ticket.number}] Balasan baru`,
    messageId: mid(),
    text: "Sudah saya coba restart, masih error.\n\nPada Sen, 1 Des 2026 10.00, Helpdesk menulis:\n> ##- ketik balasan di atas baris ini / type your reply above this line -##\n> Sudah kami cek",
  });
  expect(await processInboundMail(raw)).toEqual({ outcome: "reply", ticketId: ticket.id });
  const [, reply] = await messages(ticket.id).then((m) => [null, m.at(-1)!]);
  expect(reply).toMatchObject({ authorId: world.client.id, body: "Sudah saya coba restart, masih error.", internal: false });
  const mails = await testDb().emailOutbox.findMany({ where: { ticketId: ticket.id, kind: { not: "newTicket" } } });
  expect(mails.map((m) => [m.kind, m.toAddress]).sort()).toEqual([["clientReply", world.staffA.email], ["clientReply", world.staffA2.email]].sort());
});

it("a reply found through In-Reply-To (a mail client that dropped the address) is added too", async () => {
  const ticket = await fileTicket();
  const sent = await testDb().emailOutbox.create({ data: { kind: "staffReply", toAddress: world.client.email, ticketId: ticket.id, status: "SENT" } });
  const raw = await rawMail({
    from: world.client.email,
    to: "helpdesk@localhost",
    subject: "Re: balasan",
    messageId: mid(),
    inReplyTo: `<${sent.id}@localhost>`,
    text: "Terima kasih, sudah normal.",
  });
  expect(await processInboundMail(raw)).toEqual({ outcome: "reply", ticketId: ticket.id });
  expect((await messages(ticket.id)).at(-1)!.body).toBe("Terima kasih, sudah normal.");
});

it("the same mail fetched twice is processed once", async () => {
  const ticket = await fileTicket();
  const raw = await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Sekali saja." });
  expect((await processInboundMail(raw)).outcome).toBe("reply");
  expect(await processInboundMail(raw)).toEqual({ outcome: "duplicate" });
  expect((await messages(ticket.id)).filter((m) => m.body === "Sekali saja.")).toHaveLength(1);
});

it("a reply from someone who may not answer that ticket adds nothing; an unknown sender lands in the Kontak inbox", async () => {
  const ticket = await fileTicket();
  const before = (await messages(ticket.id)).length;
  const fromOtherClient = await rawMail({ from: world.otherClient.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Saya menyusup" });
  expect(await processInboundMail(fromOtherClient)).toEqual({ outcome: "refused:notAllowed", ticketId: ticket.id });
  const fromOtherDepartment = await rawMail({ from: world.staffB.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Bukan departemen saya" });
  expect((await processInboundMail(fromOtherDepartment)).outcome).toBe("refused:notAllowed");
  const stranger = await rawMail({ from: "Orang Asing <asing@gmail.example>", to: replyAddressFor(ticket), subject: "Halo", messageId: mid(), text: "Siapa ini?" });
  expect((await processInboundMail(stranger)).outcome).toBe("contact");
  expect(await messages(ticket.id)).toHaveLength(before);
  const contact = await testDb().contactMessage.findFirstOrThrow({ where: { email: "asing@gmail.example" } });
  expect(contact).toMatchObject({ name: "Orang Asing", subject: "Halo", message: "Siapa ini?", status: "NEW" });
  expect(await testDb().ticket.count({ where: { subject: "Halo" } })).toBe(0);
});

it("a forged token adds nothing and creates nothing", async () => {
  const ticket = await fileTicket();
  const forged = replyAddressFor(ticket).replace(/\.[0-9a-f]{24}@/, ".0123456789abcdef01234567@");
  const raw = await rawMail({ from: world.client.email, to: forged, subject: "Re", messageId: mid(), text: "Palsu" });
  expect((await processInboundMail(raw)).outcome).toBe("refused:forgedToken");
  expect((await messages(ticket.id)).some((m) => m.body === "Palsu")).toBe(false);
  expect(await testDb().ticket.count({ where: { description: "Palsu" } })).toBe(0);
});

it("a reply to a closed ticket reopens it when clients may reopen; otherwise the sender gets a polite refusal", async () => {
  const ticket = await fileTicket();
  await testDb().ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
  await setTicketSettings({ clientsMayReopen: true });
  const reopen = await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Masalahnya muncul lagi." });
  expect((await processInboundMail(reopen)).outcome).toBe("reply");
  expect((await testDb().ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");

  await testDb().ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
  await setTicketSettings({ clientsMayReopen: false });
  await testDb().emailOutbox.deleteMany();
  const refused = await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Halo lagi?" });
  expect((await processInboundMail(refused)).outcome).toBe("refused:closed");
  expect((await messages(ticket.id)).some((m) => m.body === "Halo lagi?")).toBe(false);
  expect((await testDb().emailOutbox.findMany()).map((m) => [m.kind, m.toAddress, m.payload])).toEqual([["replyRefused", world.client.email, { reason: "closed" }]]);
  await setTicketSettings({ clientsMayReopen: true });
});

it("HTML with <script> and onerror= is stored as text, never as markup", async () => {
  const ticket = await fileTicket();
  const raw = await rawMail({
    from: world.client.email,
    to: replyAddressFor(ticket),
    subject: "Re",
    messageId: mid(),
    html: `<p>Lihat ini</p><script>alert("xss")</script><img src=x onerror="alert(1)"><p>&lt;b&gt;tebal&lt;/b&gt;</p>`,
  });
  expect((await processInboundMail(raw)).outcome).toBe("reply");
  const body = (await messages(ticket.id)).at(-1)!.body;
  expect(body).toContain("Lihat ini");
  expect(body).not.toMatch(/<script|onerror=|<img/i);
  expect(body).toContain("<b>tebal</b>"); // what the sender typed, kept as text and escaped when shown
});

it("a 30 MB attachment and an .exe are refused, the text and the good file still added, the sender told", async () => {
  const ticket = await fileTicket();
  const raw = await rawMail({
    from: world.client.email,
    to: replyAddressFor(ticket),
    subject: "Re",
    messageId: mid(),
    text: "Terlampir log dan screenshot.",
    attachments: [
      { filename: "besar.pdf", content: Buffer.concat([PDF, Buffer.alloc(30 * 1024 * 1024, 0x20)]) },
      { filename: "setup.exe", content: Buffer.from("MZ\x90\x00 this program cannot be run in DOS mode") },
      { filename: "log.pdf", content: PDF },
    ],
  });
  const filesBefore = storedFiles(dataDir).length;
  expect((await processInboundMail(raw)).outcome).toBe("reply");
  const reply = (await messages(ticket.id)).at(-1)!;
  expect(reply.body).toBe("Terlampir log dan screenshot.");
  const attachments = await testDb().attachment.findMany({ where: { messageId: reply.id } });
  expect(attachments.map((a) => a.fileName)).toEqual(["log.pdf"]);
  expect(storedFiles(dataDir).length).toBe(filesBefore + 1);
  const told = await testDb().emailOutbox.findFirstOrThrow({ where: { kind: "replyRefused", toAddress: world.client.email } });
  expect(told.payload).toEqual({ reason: "attachments", files: "besar.pdf, setup.exe" });
});

it("auto-replies, bulk mail, bounces and our own mails never create anything, and are never answered", async () => {
  const ticket = await fileTicket();
  await testDb().emailOutbox.deleteMany();
  const before = await testDb().ticketMessage.count();
  const tickets = await testDb().ticket.count();
  const contacts = await testDb().contactMessage.count();
  const cases: [Buffer, string][] = [
    [await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: "Out of office", messageId: mid(), text: "Saya cuti", headers: { "Auto-Submitted": "auto-replied" } }), "skipped:autoReply"],
    [await rawMail({ from: "news@vendor.example", to: "helpdesk@localhost", subject: "Promo", messageId: mid(), text: "Diskon", headers: { Precedence: "bulk" } }), "skipped:autoReply"],
    [await rawMail({ from: "MAILER-DAEMON@mx.example", to: "helpdesk@localhost", subject: "Undelivered Mail Returned to Sender", messageId: mid(), text: "550 no such user" }), "skipped:bounce"],
    [await rawMail({ from: "helpdesk@localhost", to: "helpdesk@localhost", subject: "loop", messageId: mid(), text: "ourselves" }), "skipped:ownAddress"],
  ];
  for (const [raw, outcome] of cases) expect((await processInboundMail(raw)).outcome).toBe(outcome);
  expect(await testDb().ticketMessage.count()).toBe(before);
  expect(await testDb().ticket.count()).toBe(tickets);
  expect(await testDb().contactMessage.count()).toBe(contacts);
  expect(await testDb().emailOutbox.count()).toBe(0);
});

it("a loop with another auto-responder stops: at most 3 refusals an hour to one address", async () => {
  const ticket = await fileTicket();
  await testDb().ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED" } });
  await setTicketSettings({ clientsMayReopen: false });
  // A responder that sets no Auto-Submitted header answers every refusal we send.
  for (let i = 0; i < 10; i++) {
    const raw = await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: `Re: refusal ${i}`, messageId: mid(), text: "Terima kasih atas e-mail Anda." });
    expect((await processInboundMail(raw)).outcome).toBe("refused:closed");
  }
  // (closing the ticket also queued the client's survey invitation: only the refusals count here)
  expect(await testDb().emailOutbox.count({ where: { toAddress: world.client.email, kind: "replyRefused" } })).toBe(3);
  await setTicketSettings({ clientsMayReopen: true });
});

it("a new mail from a known client becomes a ticket in the e-mail department with a receipt; without that setting it goes to the Kontak inbox", async () => {
  await setTicketSettings({ emailDepartmentId: "" });
  const first = await rawMail({ from: world.client.email, to: "helpdesk@localhost", subject: "Printer jaringan", messageId: mid(), text: "Printer lantai 2 tidak terdeteksi." });
  expect((await processInboundMail(first)).outcome).toBe("contact");

  await setTicketSettings({ emailDepartmentId: world.deptB.id });
  const raw = await rawMail({ from: world.client.email, to: "helpdesk@localhost", subject: "VPN putus", messageId: mid(), text: "VPN putus setiap 5 menit." });
  const result = await processInboundMail(raw);
  expect(result.outcome).toBe("ticket");
  const ticket = await testDb().ticket.findUniqueOrThrow({ where: { id: result.ticketId! } });
  expect(ticket).toMatchObject({ subject: "VPN putus", description: "VPN putus setiap 5 menit.", departmentId: world.deptB.id, clientId: world.client.id });
  const mails = await testDb().emailOutbox.findMany({ where: { ticketId: ticket.id } });
  expect(mails.map((m) => [m.kind, m.toAddress]).sort()).toEqual(
    [["ticketReceived", world.client.email], ["newTicket", world.staffB.email], ["newTicket", world.admin.email], ["newTicket", world.superAdmin.email]].sort(),
  );
  await setTicketSettings({ emailDepartmentId: "" });
});

it("a deactivated client's mail creates nothing in their name", async () => {
  const gone = await createUser({ role: "CLIENT", active: false });
  const raw = await rawMail({ from: gone.email, to: "helpdesk@localhost", subject: "Masih bisa?", messageId: mid(), text: "Tes" });
  expect((await processInboundMail(raw)).outcome).toBe("contact");
  expect(await testDb().ticket.count({ where: { clientId: gone.id } })).toBe(0);
});

it("staff replying by mail answer as themselves; the client is mailed the reply", async () => {
  const ticket = await fileTicket();
  await actAs(world.admin);
  await updateTicketAction({ ticketId: ticket.id, assigneeId: world.staffA.id });
  await testDb().emailOutbox.deleteMany();
  const raw = await rawMail({ from: world.staffA.email, to: replyAddressFor(ticket), subject: "Re", messageId: mid(), text: "Sudah kami perbaiki." });
  expect((await processInboundMail(raw)).outcome).toBe("reply");
  expect((await messages(ticket.id)).at(-1)).toMatchObject({ authorId: world.staffA.id, internal: false });
  expect((await testDb().emailOutbox.findMany()).map((m) => [m.kind, m.toAddress])).toEqual([["staffReply", world.client.email]]);
});

it("strips the usual quoted-history forms", () => {
  expect(stripQuotedHistory("Jawaban\n\nOn Mon, Dec 1, 2026 at 10:00 AM Helpdesk <h@x> wrote:\n> lama")).toBe("Jawaban");
  expect(stripQuotedHistory("Jawaban\n-----Original Message-----\nFrom: x")).toBe("Jawaban");
  expect(stripQuotedHistory("Baris 1\n> kutipan\nBaris 2\n\n> ekor")).toBe("Baris 1\nBaris 2");
});

it("a mail with NUL characters is stored without them instead of failing forever", async () => {
  const ticket = await fileTicket();
  const raw = await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: "Re\u0000", messageId: mid(), text: "Ada\u0000 karakter aneh." });
  expect((await processInboundMail(raw)).outcome).toBe("reply");
  expect((await messages(ticket.id)).at(-1)!.body).toBe("Ada karakter aneh.");
});
