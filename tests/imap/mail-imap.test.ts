import { randomBytes } from "node:crypto";
import { ImapFlow } from "imapflow";
import { createTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { pollMailbox } from "@/lib/mail/imap-poller";
import { replyAddressFor } from "@/lib/mail/reply-token";
import type { ImapConfig } from "@/lib/mail/config";
import { actAs } from "../integration/helpers/factories";
import { testDb } from "../integration/helpers/test-db";
import { createWorld, ticketForm, withTempDataDir } from "../integration/helpers/tickets";
import { rawMail } from "../integration/helpers/raw-mail";

/**
 * The IMAP poller against a real Dovecot (started by .ci/run: TEST_IMAP_PORT, user helpdesk).
 * Mails are APPENDed to the mailbox over IMAP, as a mail server would deliver them.
 */
const imap: ImapConfig = {
  host: "127.0.0.1",
  port: Number(process.env.TEST_IMAP_PORT || 4120),
  secure: false,
  user: process.env.TEST_IMAP_USER || "helpdesk",
  pass: process.env.TEST_IMAP_PASSWORD || "helpdesk-imap",
  mailbox: "INBOX",
};

withTempDataDir();
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
  await testDb().setting.create({ data: { key: "ticket", value: { emailDepartmentId: world.deptA.id } } });
  forgetCachedSettings();
  await clearMailbox();
});

async function withImap<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.pass }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}
const append = (raw: Buffer) => withImap((c) => c.append("INBOX", raw));
const clearMailbox = () =>
  withImap(async (c) => {
    const lock = await c.getMailboxLock("INBOX");
    try {
      if (c.mailbox && c.mailbox.exists > 0) await c.messageDelete("1:*");
    } finally {
      lock.release();
    }
  });
const mid = () => `<${randomBytes(8).toString("hex")}@mail.example.go.id>`;

it("a client's reply appended to the mailbox becomes a reply on the ticket, and a new mail a new ticket", async () => {
  await actAs(world.client);
  const r = await createTicketAction(ticketForm({ departmentId: world.deptA.id, subject: "E-mail dinas penuh", description: "Kuota habis." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const ticket = await testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });

  await append(await rawMail({ from: world.client.email, to: replyAddressFor(ticket), subject: `Re: [${ticket.number}]`, messageId: mid(), text: "Mohon ditambah kuotanya." }));
  await append(await rawMail({ from: world.client.email, to: "helpdesk@localhost", subject: "Akun SSO terkunci", messageId: mid(), text: "Tidak bisa login SSO." }));
  await append(await rawMail({ from: "asing@luar.example", to: "helpdesk@localhost", subject: "Pertanyaan", messageId: mid(), text: "Apakah bisa?" }));

  const result = await pollMailbox(imap);
  expect(result.error).toBeUndefined();
  expect(result.results.map((x) => x.outcome)).toEqual(["reply", "ticket", "contact"]);
  expect((await testDb().ticketMessage.findFirstOrThrow({ where: { ticketId: ticket.id }, orderBy: { createdAt: "desc" } })).body).toBe("Mohon ditambah kuotanya.");
  expect(await testDb().ticket.count({ where: { subject: "Akun SSO terkunci", clientId: world.client.id, departmentId: world.deptA.id } })).toBe(1);
  expect(await testDb().contactMessage.count({ where: { email: "asing@luar.example" } })).toBe(1);

  // Read mails are marked seen: the next poll has nothing to do.
  expect((await pollMailbox(imap)).seen).toBe(0);
});

it("the same mail delivered twice is processed once", async () => {
  const raw = await rawMail({ from: world.client.email, to: "helpdesk@localhost", subject: "Dobel", messageId: mid(), text: "Terkirim dua kali." });
  await append(raw);
  await append(raw);
  const result = await pollMailbox(imap);
  expect(result.results.map((x) => x.outcome)).toEqual(["ticket", "duplicate"]);
  expect(await testDb().ticket.count({ where: { subject: "Dobel" } })).toBe(1);
});

it("survives a mailbox that is down (wrong port, wrong password) and works when it is back", async () => {
  expect(await pollMailbox({ ...imap, port: 4198 })).toEqual({ seen: 0, results: [], error: "connect ECONNREFUSED 127.0.0.1:4198" });
  // imapflow's message for a refused login (its error carries authenticationFailed: true).
  expect(await pollMailbox({ ...imap, pass: "salah" })).toEqual({ seen: 0, results: [], error: "Command failed" });
  await append(await rawMail({ from: world.client.email, to: "helpdesk@localhost", subject: "Setelah gangguan", messageId: mid(), text: "Halo." }));
  expect((await pollMailbox(imap)).results.map((x) => x.outcome)).toEqual(["ticket"]);
});
