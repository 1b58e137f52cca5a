import { resendEmailAction, sendTestEmailAction } from "@/app/(site)/(dashboard)/dashboard/settings/email/actions";
import { updateMailPreferencesAction } from "@/app/(site)/(dashboard)/dashboard/profile/actions";
import { getEmailSetup, listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/dal/email";
import { getMailPreferences } from "@/lib/dal/profile";
import { closeMailTransport, drainOutbox } from "@/lib/mail/worker";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { startTestSmtp, testPort, type TestSmtp } from "./helpers/mail";

let smtp: TestSmtp;
let superAdmin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  smtp = await startTestSmtp(testPort(3));
  superAdmin = await createUser({ role: "SUPER_ADMIN" });
});
afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});
const session = sessionUserOf;

it("only a Super Admin may send a test mail or send a failed mail again", async () => {
  for (const role of ["ADMIN", "STAFF", "CLIENT"] as const) {
    await actAs(await createUser({ role }));
    expect(await sendTestEmailAction({ to: "x@example.go.id" })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
  }
  await actAs(null);
  expect((await sendTestEmailAction({ to: "x@example.go.id" })).ok).toBe(false);
  expect(await testDb().emailOutbox.count()).toBe(0);
});

it("the test mail arrives; a failed mail is sent again and arrives; bad input changes nothing", async () => {
  await actAs(superAdmin);
  expect((await sendTestEmailAction({ to: "bukan-email" })).ok).toBe(false);
  expect(await sendTestEmailAction({ to: "uji@example.go.id" })).toEqual({ ok: true, data: null });
  smtp.reject.add("uji@example.go.id");
  await drainOutbox({ smtp: smtp.smtp });
  const [failed] = (await listOutbox(await session(superAdmin), { status: "FAILED", page: 1 })).rows;
  expect(failed).toMatchObject({ toAddress: "uji@example.go.id", kind: "test", status: "FAILED", lastError: expect.stringMatching(/550/) });

  smtp.reject.clear();
  expect(await resendEmailAction({ id: failed!.id })).toEqual({ ok: true, data: null });
  expect((await resendEmailAction({ id: failed!.id })).ok).toBe(false); // no longer failed
  expect((await resendEmailAction({ id: "not-a-uuid" })).ok).toBe(false);
  await drainOutbox({ smtp: smtp.smtp });
  expect(smtp.to("uji@example.go.id").map((m) => m.subject)).toEqual(["E-mail uji dari Helpdesk Provinsi Banten"]);
  expect((await testDb().emailOutbox.findUniqueOrThrow({ where: { id: failed!.id } })).status).toBe("SENT");
});

it("the setup shows whether mail is configured and never a password; the outbox is paginated", async () => {
  process.env.SMTP_HOST = "smtp.example.go.id";
  process.env.SMTP_PASSWORD = "rahasia-smtp";
  const setup = await getEmailSetup(await session(superAdmin));
  expect(setup.smtp).toMatchObject({ host: "smtp.example.go.id" });
  expect(JSON.stringify(setup)).not.toContain("rahasia-smtp");
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PASSWORD;
  expect((await getEmailSetup(await session(superAdmin))).smtp).toBeNull();

  await testDb().emailOutbox.createMany({ data: Array.from({ length: OUTBOX_PAGE_SIZE + 3 }, (_, i) => ({ kind: "test", toAddress: `p${i}@example.go.id` })) });
  const first = await listOutbox(await session(superAdmin), { page: 1 });
  expect(first.rows).toHaveLength(OUTBOX_PAGE_SIZE);
  expect(first.hasNext).toBe(true);
});

it("a user's mail choices cover only their role's mails, and are validated", async () => {
  const staff = await createUser({ role: "STAFF" });
  await actAs(staff);
  expect((await getMailPreferences(await session(staff))).enabled).toEqual(["assigned", "clientReply", "newTicket"]);
  expect(await updateMailPreferencesAction({ locale: "en", enabled: ["assigned"] })).toEqual({ ok: true, data: null });
  expect(await testDb().user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ locale: "en", emailOptOut: ["clientReply", "newTicket"] });
  expect((await updateMailPreferencesAction({ locale: "fr", enabled: [] })).ok).toBe(false);
  expect((await updateMailPreferencesAction({ locale: "id", enabled: ["hack"] })).ok).toBe(false);
  expect((await testDb().user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("en");
});
