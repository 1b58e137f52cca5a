import { createTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { closeStaleResolvedTickets } from "@/lib/dal/ticket-jobs";
import { closeMailTransport, drainOutbox, processOutbox } from "@/lib/mail/worker";
import { actAs } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, ticketForm, withTempDataDir } from "./helpers/tickets";
import { startTestSmtp, type TestSmtp } from "./helpers/mail";

withTempDataDir();
let world: Awaited<ReturnType<typeof createWorld>>;
let smtp: TestSmtp;
beforeAll(async () => {
  world = await createWorld();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});
beforeEach(async () => {
  await testDb().emailOutbox.deleteMany();
  smtp.accepted.length = 0;
  smtp.reject.clear();
});

async function fileTicket(as = world.client, subject = "Internet OPD mati") {
  await actAs(as);
  const r = await createTicketAction(ticketForm({ departmentId: world.deptA.id, subject, description: "Sejak pagi tidak ada koneksi." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

const queued = (where: object = {}) => testDb().emailOutbox.findMany({ where, orderBy: { createdAt: "asc" } });

it("a new ticket queues mails in its own transaction: department staff and admins, never the filing client", async () => {
  const ticket = await fileTicket();
  const rows = await queued({ ticketId: ticket.id });
  const to = rows.map((r) => r.toAddress).sort();
  expect(to).toEqual([world.staffA.email, world.staffA2.email, world.admin.email, world.superAdmin.email].sort());
  expect(rows.every((r) => r.kind === "newTicket" && r.status === "QUEUED")).toBe(true);
  expect(to).not.toContain(world.client.email); // their own action
  expect(to).not.toContain(world.staffB.email); // another department
});

it("without SMTP configured mails wait in the outbox; once it is set they go out with both parts, links and threading headers", async () => {
  const ticket = await fileTicket();
  expect(await processOutbox({ smtp: null })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect((await queued()).every((r) => r.status === "QUEUED")).toBe(true);

  const result = await drainOutbox({ smtp: smtp.smtp });
  expect(result.sent).toBe(4);
  const mail = smtp.to(world.staffA.email)[0]!;
  expect(mail.subject).toBe(`[${ticket.number}] Tiket baru di ${world.deptA.name}: Internet OPD mati`);
  expect(mail.text).toContain("Sejak pagi tidak ada koneksi.");
  expect(mail.html).toContain(`http://localhost:3000/dashboard/tickets/${ticket.number}`);
  expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
  expect(mail.inReplyTo).toBe(`<ticket-${ticket.id}@localhost>`);
  expect(mail.replyTo?.text).toMatch(new RegExp(`^helpdesk\\+${ticket.number.toLowerCase()}\\.[0-9a-f]{24}@localhost$`));
  expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  const rows = await queued({ ticketId: ticket.id });
  expect(rows.every((r) => r.status === "SENT" && r.sentAt)).toBe(true);
});

it("a staff reply mails the client (escaped text, their language); an internal note mails nobody", async () => {
  const ticket = await fileTicket();
  await testDb().user.update({ where: { id: world.client.id }, data: { locale: "en" } });
  await testDb().emailOutbox.deleteMany();
  await actAs(world.staffA);
  const note = new FormData();
  note.append("ticketId", ticket.id);
  note.append("body", "Catatan rahasia: password router admin123");
  note.append("internal", "on");
  expect((await replyToTicketAction(note)).ok).toBe(true);
  expect(await queued()).toHaveLength(0);

  const reply = new FormData();
  reply.append("ticketId", ticket.id);
  reply.append("body", "Sudah kami cek <script>alert(1)</script> <img src=x onerror=alert(2)>");
  expect((await replyToTicketAction(reply)).ok).toBe(true);
  const rows = await queued();
  expect(rows.map((r) => [r.kind, r.toAddress])).toEqual([["staffReply", world.client.email]]);

  await drainOutbox({ smtp: smtp.smtp });
  const mail = smtp.to(world.client.email)[0]!;
  expect(mail.subject).toBe(`[${ticket.number}] New reply: Internet OPD mati`);
  expect(mail.html).not.toContain("<script>");
  expect(mail.html).not.toMatch(/<img src=x/);
  expect(mail.html).toContain("&lt;script&gt;");
  expect(mail.text).toContain("<script>alert(1)</script>"); // plain text stays text
  expect(JSON.stringify(smtp.accepted)).not.toContain("admin123");
  await testDb().user.update({ where: { id: world.client.id }, data: { locale: "id" } });
});

it("assignment mails the assignee, Resolved mails the client with the rating link, and nobody hears of their own action", async () => {
  const ticket = await fileTicket();
  await testDb().emailOutbox.deleteMany();
  await actAs(world.admin);
  expect((await updateTicketAction({ ticketId: ticket.id, assigneeId: world.staffA.id })).ok).toBe(true);
  await actAs(world.staffA);
  const t2 = await testDb().ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  expect((await updateTicketAction({ ticketId: t2.id, status: "IN_PROGRESS" })).ok).toBe(true); // no mail for this status
  expect((await updateTicketAction({ ticketId: t2.id, status: "RESOLVED" })).ok).toBe(true);
  const rows = await queued();
  // The survey invitation (tests/integration/skm.test.ts) is queued by the same status change.
  expect(rows.filter((r) => r.kind !== "skmInvite").map((r) => [r.kind, r.toAddress])).toEqual([
    ["assigned", world.staffA.email],
    ["statusChanged", world.client.email],
  ]);
  expect(rows.filter((r) => r.kind === "skmInvite").map((r) => r.toAddress)).toEqual([world.client.email]);
  await drainOutbox({ smtp: smtp.smtp });
  const resolved = smtp.to(world.client.email).find((m) => !m.text?.includes("/survei/"))!;
  expect(resolved.text).toContain(`/dashboard/tickets/${ticket.number}#rating`);
});

it("the client's reply mails the assignee; a user who turned that mail off gets none", async () => {
  const ticket = await fileTicket();
  await actAs(world.admin);
  await updateTicketAction({ ticketId: ticket.id, assigneeId: world.staffA.id });
  await testDb().emailOutbox.deleteMany();
  await actAs(world.client);
  const reply = new FormData();
  reply.append("ticketId", ticket.id);
  reply.append("body", "Masih mati, Pak.");
  await replyToTicketAction(reply);
  expect((await queued()).map((r) => [r.kind, r.toAddress])).toEqual([["clientReply", world.staffA.email]]);

  await testDb().emailOutbox.deleteMany();
  await testDb().user.update({ where: { id: world.staffA.id }, data: { emailOptOut: ["clientReply"] } });
  await replyToTicketAction(reply);
  expect(await queued()).toHaveLength(0);
  await testDb().user.update({ where: { id: world.staffA.id }, data: { emailOptOut: [] } });
});

it("auto-close queues the client's 'closed' mail in the same statement", async () => {
  const ticket = await fileTicket();
  await testDb().ticket.update({ where: { id: ticket.id }, data: { status: "RESOLVED", resolvedAt: new Date(Date.now() - 30 * 86400_000) } });
  await testDb().emailOutbox.deleteMany();
  expect(await closeStaleResolvedTickets()).toBeGreaterThanOrEqual(1);
  const rows = await queued({ ticketId: ticket.id });
  expect(rows.map((r) => [r.kind, r.toAddress, r.payload])).toEqual([["statusChanged", world.client.email, { status: "CLOSED" }]]);
});

it("SMTP down, then back: mails are retried with backoff, none lost, none doubled", async () => {
  await fileTicket();
  const down = { host: "127.0.0.1", port: 4199, secure: false };
  const now = new Date();
  const first = await processOutbox({ smtp: down, now });
  expect(first).toEqual({ sent: 0, retrying: 4, failed: 0 });
  const rows = await queued();
  expect(rows.every((r) => r.status === "QUEUED" && r.attempts === 1 && r.lastError && r.nextAttemptAt > now)).toBe(true);
  // Not due yet: nothing is tried again early.
  expect(await processOutbox({ smtp: smtp.smtp, now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  // Later the server is back.
  const later = new Date(now.getTime() + 5 * 60_000);
  expect((await drainOutbox({ smtp: smtp.smtp, now: later })).sent).toBe(4);
  expect(smtp.accepted).toHaveLength(4);
  expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(4);
  expect(await drainOutbox({ smtp: smtp.smtp, now: new Date(later.getTime() + 3600_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
});

it("a mail still failing after 24 hours is marked failed with the reason", async () => {
  await fileTicket();
  const down = { host: "127.0.0.1", port: 4199, secure: false };
  await processOutbox({ smtp: down });
  const dayLater = new Date(Date.now() + 25 * 3600_000);
  expect((await processOutbox({ smtp: down, now: dayLater })).failed).toBe(4);
  const rows = await queued();
  expect(rows.every((r) => r.status === "FAILED" && /ECONNREFUSED/.test(r.lastError ?? ""))).toBe(true);
});

it("SMTP rejecting one recipient fails that mail with the reason; the others go out", async () => {
  await fileTicket();
  smtp.reject.add(world.staffA2.email);
  const result = await drainOutbox({ smtp: smtp.smtp });
  expect(result).toEqual({ sent: 3, retrying: 0, failed: 1 });
  const failed = await queued({ status: "FAILED" });
  expect(failed.map((r) => r.toAddress)).toEqual([world.staffA2.email]);
  expect(failed[0]!.lastError).toMatch(/550.*User unknown/);
  expect(smtp.to(world.staffA2.email)).toHaveLength(0);
});

it("two workers draining at once send each mail exactly once", async () => {
  for (let i = 0; i < 5; i++) await fileTicket(world.client, `Tiket ${i}`);
  const total = (await queued()).length;
  await Promise.all([drainOutbox({ smtp: smtp.smtp, limit: 3 }), drainOutbox({ smtp: smtp.smtp, limit: 3 })]);
  expect(smtp.accepted).toHaveLength(total);
  expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(total);
});
