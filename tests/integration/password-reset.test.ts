import { requestPasswordResetAction, resetPasswordAction } from "@/app/(site)/(auth)/password-actions";
import { verifyPassword } from "@/lib/auth/password";
import { findLiveSessionUser } from "@/lib/dal/user-sessions";
import { closeMailTransport, drainOutbox } from "@/lib/mail/worker";
import { actAs, createUser, sessionClaimsFor } from "./helpers/factories";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";
import { startTestSmtp, testPort, type TestSmtp } from "./helpers/mail";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp(testPort(2));
});
afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const fromIp = (ip: string) => requestContext.headers.set("x-forwarded-for", ip);

/** Asks for a link and returns the token from the mail that arrived. */
async function mailedToken(email: string): Promise<string> {
  smtp.accepted.length = 0;
  expect(await requestPasswordResetAction(null, form({ email }))).toEqual({ ok: true, data: null });
  await drainOutbox({ smtp: smtp.smtp });
  const mail = smtp.to(email).at(-1)!;
  const m = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
  return m![1]!;
}

it("mails a single-use link that sets a new password and ends every session; only its hash is stored", async () => {
  const user = await createUser({ email: "lupa@opd.example.go.id" });
  const signedIn = await sessionClaimsFor(user); // a session from before the reset
  expect(await findLiveSessionUser(signedIn.sub, signedIn.sv, signedIn.sid)).toMatchObject({ id: user.id });
  await actAs(null);
  fromIp("10.0.0.1");
  const token = await mailedToken(user.email);
  const mail = smtp.to(user.email)[0]!;
  expect(mail.subject).toMatch(/Atur ulang password/);
  expect(mail.text).toMatch(/30 menit/);
  const stored = await testDb().passwordToken.findFirstOrThrow({ where: { userId: user.id } });
  expect(stored.tokenHash).not.toContain(token);
  expect((await testDb().emailOutbox.findFirstOrThrow({ where: { userId: user.id } })).payload).toEqual({ name: user.name }); // token gone once sent

  expect(await resetPasswordAction(null, form({ token, password: "Kata-Sandi-Baru-2026", confirm: "Kata-Sandi-Baru-2026" }))).toEqual({ ok: true, data: null });
  const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(after.passwordHash, "Kata-Sandi-Baru-2026")).toBe(true);
  expect(await findLiveSessionUser(signedIn.sub, signedIn.sv, signedIn.sid)).toBeNull(); // old sessions ended

  // Reused: refused, password unchanged.
  const again = await resetPasswordAction(null, form({ token, password: "Lain-Lagi-2026!", confirm: "Lain-Lagi-2026!" }));
  expect(again).toEqual({ ok: false, formError: "Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau tidak lengkap." });
  expect(await verifyPassword((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "Kata-Sandi-Baru-2026")).toBe(true);
});

it("an expired or tampered link is refused; a weak or mismatched password is refused with the link left usable", async () => {
  const user = await createUser();
  fromIp("10.0.0.2");
  const token = await mailedToken(user.email);
  const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
  expect((await resetPasswordAction(null, form({ token: tampered, password: "Kata-Sandi-Baru-2026", confirm: "Kata-Sandi-Baru-2026" }))).ok).toBe(false);
  const weak = await resetPasswordAction(null, form({ token, password: "password", confirm: "password" }));
  expect(weak.ok).toBe(false);
  const mismatch = await resetPasswordAction(null, form({ token, password: "Kata-Sandi-Baru-2026", confirm: "Kata-Sandi-Lain-2026" }));
  expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirm: "Konfirmasi password tidak sama." } });

  await testDb().passwordToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await resetPasswordAction(null, form({ token, password: "Kata-Sandi-Baru-2026", confirm: "Kata-Sandi-Baru-2026" }));
  expect(expired.ok).toBe(false);
  const unchanged = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
  expect(unchanged.passwordHash).toBe(user.passwordHash);
});

it("answers an unknown address exactly like a known one, and sends nothing", async () => {
  fromIp("10.0.0.3");
  const known = await createUser();
  const a = await requestPasswordResetAction(null, form({ email: known.email }));
  const b = await requestPasswordResetAction(null, form({ email: "tidak-ada@opd.example.go.id" }));
  expect(b).toEqual(a);
  expect(await testDb().emailOutbox.count({ where: { toAddress: "tidak-ada@opd.example.go.id" } })).toBe(0);
  const bad = await requestPasswordResetAction(null, form({ email: "bukan alamat" }));
  expect(bad).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String) } });
});

it("limits requests per address and per IP, with the same answer", async () => {
  const user = await createUser();
  fromIp("10.0.0.4");
  for (let i = 0; i < 5; i++) expect((await requestPasswordResetAction(null, form({ email: user.email }))).ok).toBe(true);
  expect(await testDb().emailOutbox.count({ where: { toAddress: user.email } })).toBe(3);
  fromIp("10.0.0.5");
  for (let i = 0; i < 12; i++) await requestPasswordResetAction(null, form({ email: `x${i}@opd.example.go.id` }));
  const other = await createUser();
  expect((await requestPasswordResetAction(null, form({ email: other.email }))).ok).toBe(true);
  expect(await testDb().emailOutbox.count({ where: { toAddress: other.email } })).toBe(0);
});

it("a new account can be invited: the mailed link lets the user choose a password and log in", async () => {
  const { createClientAction } = await import("@/app/(site)/(dashboard)/dashboard/clients/actions");
  const admin = await createUser({ role: "ADMIN" });
  const agency = await testDb().agency.create({ data: { name: "OPD Undangan" } });
  await actAs(admin);
  const fd = form({ name: "Pegawai Baru", username: "pegawai.baru", email: "pegawai.baru@opd.example.go.id", agencyId: agency.id, invite: "true", password: "" });
  const created = await createClientAction(fd);
  expect(created.ok).toBe(true);
  const noPassword = await createClientAction(form({ name: "Tanpa", username: "tanpa.pw", email: "tanpa@opd.example.go.id", agencyId: agency.id, password: "" }));
  expect(noPassword).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });

  smtp.accepted.length = 0;
  await drainOutbox({ smtp: smtp.smtp });
  const mail = smtp.to("pegawai.baru@opd.example.go.id")[0]!;
  expect(mail.subject).toBe("Undangan ke Helpdesk Provinsi Banten");
  const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")![1]!;
  expect(await resetPasswordAction(null, form({ token, password: "Pilihan-Sendiri-2026", confirm: "Pilihan-Sendiri-2026" }))).toEqual({ ok: true, data: null });
  const user = await testDb().user.findUniqueOrThrow({ where: { email: "pegawai.baru@opd.example.go.id" } });
  expect(await verifyPassword(user.passwordHash, "Pilihan-Sendiri-2026")).toBe(true);
});
