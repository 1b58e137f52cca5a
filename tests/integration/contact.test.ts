import http from "node:http";
import type { AddressInfo } from "node:net";
import { sendContactMessageAction } from "@/app/(site)/(public)/kontak/actions";
import { setContactStatusAction } from "@/app/(site)/(dashboard)/dashboard/inbox/actions";
import { issueFormToken } from "@/lib/contact/form-token";
import { CONTACT_LIMIT } from "@/lib/contact/rate-limit";
import { actAs, createUser } from "./helpers/factories";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";

let ipCounter = 0;
/** Each test from its own address, so the per-IP limit of one test does not leak into the next. */
function freshIp() {
  ipCounter += 1;
  requestContext.headers.set("x-forwarded-for", `198.18.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`);
}

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const valid = () => ({
  name: "Rina Kusuma",
  email: "rina@dinkes.bantenprov.go.id",
  phone: "0254-123456",
  agency: "Dinas Kesehatan",
  subject: "Minta akun helpdesk",
  message: "Mohon dibuatkan akun untuk staf TI kami.",
  website: "",
  formToken: issueFormToken(Date.now() - 5_000),
});

const send = (fields: Record<string, string>) => sendContactMessageAction(null, form(fields));
const count = () => testDb().contactMessage.count();

beforeEach(async () => {
  freshIp();
  await testDb().contactMessage.deleteMany({});
  delete process.env.RECAPTCHA_SITE_KEY;
  delete process.env.RECAPTCHA_SECRET_KEY;
  delete process.env.RECAPTCHA_VERIFY_URL;
  delete process.env.RECAPTCHA_HOSTNAMES;
});

describe("Kontak without reCAPTCHA keys (honeypot + fill time)", () => {
  it("saves a message a person filled in, as a visitor", async () => {
    await actAs(null);
    expect(await send(valid())).toEqual({ ok: true, data: null });
    const saved = await testDb().contactMessage.findFirstOrThrow();
    expect(saved).toMatchObject({ name: "Rina Kusuma", subject: "Minta akun helpdesk", status: "NEW", ip: expect.stringMatching(/^198\.18\./) });
  });

  it("refuses a filled honeypot and saves nothing", async () => {
    const result = await send({ ...valid(), website: "http://spam.example" });
    expect(result).toEqual({ ok: false, formError: "Pesan tidak dapat dikirim." });
    expect(await count()).toBe(0);
  });

  it("refuses a form sent faster than a person can fill it", async () => {
    const result = await send({ ...valid(), formToken: issueFormToken() });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("terlalu cepat") });
    expect(await count()).toBe(0);
  });

  it("refuses a forged or missing form token", async () => {
    const forged = `${Date.now() - 60_000}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect(await send({ ...valid(), formToken: forged })).toMatchObject({ ok: false, formError: expect.stringContaining("kedaluwarsa") });
    const { formToken: _omit, ...noToken } = valid();
    expect(await send(noToken)).toMatchObject({ ok: false });
    expect(await count()).toBe(0);
  });

  it("answers field errors in Indonesian for a 10,001-character message and the e-mail a@b", async () => {
    const result = await send({ ...valid(), email: "a@b", message: "x".repeat(10_001) });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: "Alamat e-mail tidak valid.", message: "Maksimal 10000 karakter." },
    });
    expect(await count()).toBe(0);
  });

  it(`accepts ${CONTACT_LIMIT.points} messages from one IP, then refuses the rest of 50 sent in a minute`, async () => {
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await send(valid()));
    expect(results.filter((r) => r.ok)).toHaveLength(CONTACT_LIMIT.points);
    expect(results.at(-1)).toEqual({ ok: false, formError: "Terlalu banyak pesan dari alamat Anda. Coba lagi dalam 10 menit." });
    expect(await count()).toBe(CONTACT_LIMIT.points);
    freshIp();
    expect((await send(valid())).ok).toBe(true);
  });
});

describe("Kontak with reCAPTCHA (verified against a local stand-in for Google's siteverify)", () => {
  let server: http.Server;
  let mode: "accept" | "reject" | "hang" | "error" | "other-host" | "stale" = "accept";
  const received: URLSearchParams[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(new URLSearchParams(body));
        if (mode === "hang") return; // never answers
        if (mode === "error") return void res.writeHead(500).end("boom");
        res.writeHead(200, { "content-type": "application/json" });
        const solved = { success: true, hostname: "helpdesk.bantenprov.go.id", challenge_ts: new Date().toISOString() };
        const answers = {
          accept: solved,
          reject: { success: false, "error-codes": ["invalid-input-response"] },
          // A token solved on someone else's site with our (public) site key, or an old one replayed.
          "other-host": { ...solved, hostname: "phishing.example.com" },
          stale: { ...solved, challenge_ts: new Date(Date.now() - 20 * 60_000).toISOString() },
        };
        res.end(JSON.stringify(answers[mode as keyof typeof answers]));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    mode = "accept";
    received.length = 0;
    process.env.RECAPTCHA_SITE_KEY = "site-key";
    process.env.RECAPTCHA_SECRET_KEY = "secret-key";
    process.env.RECAPTCHA_VERIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/recaptcha/api/siteverify`;
    process.env.RECAPTCHA_TIMEOUT_MS = "500";
    process.env.RECAPTCHA_HOSTNAMES = "helpdesk.bantenprov.go.id";
  });

  const withToken = (token: string) => ({ ...valid(), formToken: "", "g-recaptcha-response": token });

  it("saves the message when Google confirms the token, sending secret, token and IP", async () => {
    expect(await send(withToken("token-ok-1"))).toEqual({ ok: true, data: null });
    expect(received[0]!.get("secret")).toBe("secret-key");
    expect(received[0]!.get("response")).toBe("token-ok-1");
    expect(received[0]!.get("remoteip")).toMatch(/^198\.18\./);
    expect(await count()).toBe(1);
  });

  it("refuses a missing token without asking Google", async () => {
    expect(await send({ ...valid() })).toMatchObject({ ok: false, formError: expect.stringContaining("I'm not a robot") });
    expect(received).toHaveLength(0);
    expect(await count()).toBe(0);
  });

  it("refuses a forged token that Google rejects", async () => {
    mode = "reject";
    expect(await send(withToken("forged"))).toMatchObject({ ok: false, formError: expect.stringContaining("gagal") });
    expect(await count()).toBe(0);
  });

  it("refuses a token Google confirms for another site's host name, or solved too long ago", async () => {
    mode = "other-host";
    expect(await send(withToken("elsewhere"))).toMatchObject({ ok: false, formError: expect.stringContaining("gagal") });
    mode = "stale";
    expect(await send(withToken("old-answer"))).toMatchObject({ ok: false, formError: expect.stringContaining("gagal") });
    expect(await count()).toBe(0);
  });

  it("refuses a replayed token even if the verifier would accept it again", async () => {
    expect((await send(withToken("same-token"))).ok).toBe(true);
    expect(await send(withToken("same-token"))).toMatchObject({ ok: false, formError: expect.stringContaining("gagal") });
    expect(await count()).toBe(1);
  });

  it("fails closed with a clear message when the verifier times out or errors", async () => {
    mode = "hang";
    expect(await send(withToken("slow"))).toMatchObject({ ok: false, formError: expect.stringContaining("tidak dapat dihubungi") });
    mode = "error";
    expect(await send(withToken("broken"))).toMatchObject({ ok: false, formError: expect.stringContaining("tidak dapat dihubungi") });
    expect(await count()).toBe(0);
  });
});

describe("contact inbox actions, role × action", () => {
  it.each([
    ["visitor", null, "Sesi Anda telah berakhir. Silakan login kembali."],
    ["CLIENT", "CLIENT", "Anda tidak memiliki akses untuk tindakan ini."],
    ["STAFF", "STAFF", "Anda tidak memiliki akses untuk tindakan ini."],
  ] as const)("%s cannot change a message's status", async (_label, role, error) => {
    const message = await testDb().contactMessage.create({ data: { name: "a", email: "a@example.com", subject: "s", message: "m" } });
    await actAs(role ? await createUser({ role }) : null);
    expect(await setContactStatusAction(form({ id: message.id, status: "HANDLED" }))).toEqual({ ok: false, formError: error });
    expect((await testDb().contactMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("NEW");
  });

  it.each(["ADMIN", "SUPER_ADMIN"] as const)("%s marks a message handled and back", async (role) => {
    const message = await testDb().contactMessage.create({ data: { name: "a", email: "a@example.com", subject: "s", message: "m" } });
    const admin = await createUser({ role });
    await actAs(admin);
    expect(await setContactStatusAction(form({ id: message.id, status: "HANDLED" }))).toEqual({ ok: true, data: null });
    expect(await testDb().contactMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "HANDLED", handledById: admin.id });
    expect((await setContactStatusAction(form({ id: message.id, status: "NEW" }))).ok).toBe(true);
  });

  it("answers not found for an unknown message id", async () => {
    await actAs(await createUser({ role: "ADMIN" }));
    expect(await setContactStatusAction(form({ id: "00000000-0000-4000-8000-000000000000", status: "HANDLED" }))).toEqual({
      ok: false,
      formError: "Pesan tidak ditemukan.",
    });
  });
});

describe("the Kontak and inbox forms take only their own fields (issue 13)", () => {
  it("refuses a Kontak post carrying an unknown field, and saves nothing", async () => {
    const result = await send({ ...valid(), handledById: "00000000-0000-4000-8000-000000000000", status: "HANDLED" });
    expect(result).toMatchObject({ ok: false, formError: expect.any(String) });
    expect(await testDb().contactMessage.count({ where: { status: "HANDLED" } })).toBe(0);
  });

  it("refuses a NUL character in a field with the field's message, not a database error", async () => {
    const result = await send({ ...valid(), subject: "Halo\u0000dunia" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { subject: "Isian memuat karakter yang tidak diizinkan." } });
  });

  it("refuses an inbox status change carrying an unknown field", async () => {
    const message = await testDb().contactMessage.create({ data: { name: "a", email: "a@example.com", subject: "s", message: "m" } });
    await actAs(await createUser({ role: "ADMIN" }));
    const result = await setContactStatusAction(form({ id: message.id, status: "HANDLED", handledById: message.id }));
    expect(result).toMatchObject({ ok: false });
    expect((await testDb().contactMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("NEW");
  });
});
