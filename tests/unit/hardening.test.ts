import { PassThrough } from "node:stream";
import { isPlainUsername } from "@/lib/validation/users";
import { FILE_CSP, securityHeaderRules, siteCsp } from "@/lib/security-headers";
import { guardRequest } from "@/lib/request-guard";
import { productionSecretProblem } from "@/lib/auth/secret";
import { ticketSettingsSchema, DEFAULT_SETTINGS } from "@/lib/validation/settings";
import { maxAttachmentsTotalMb } from "@/lib/request-limits";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { judgeVerification } from "@/lib/contact/recaptcha";


describe("look-alike usernames are refused", () => {
  it.each(["budi.santoso", "admin_01", "сергей", "ασδ", "ahmad-2026"])("accepts %s (one script)", (u) => expect(isPlainUsername(u)).toBe(true));
  it.each([
    ["аdmin", "Cyrillic а among Latin letters"],
    ["pаypal", "mixed scripts inside"],
    ["ａｄｍｉｎ", "full-width compatibility letters"],
    ["ﬁnance", "a ligature"],
    ["admin²", "a superscript digit"],
  ])("refuses %s (%s)", (u) => expect(isPlainUsername(u)).toBe(false));
});

describe("security headers", () => {
  const rules = securityHeaderRules(false);
  const cspRule = rules.find((r) => r.headers.some((h) => h.key === "Content-Security-Policy"))!;
  const source = new RegExp(`^${cspRule.source.replace(/^\//, "\\/")}$`);

  it("the site-wide CSP leaves the file routes their own strict policy", () => {
    for (const p of ["/api/attachments/1", "/api/avatars/2", "/api/logo"]) expect(source.test(p)).toBe(false);
    for (const p of ["/", "/dashboard/tickets", "/login", "/api/tickets"]) expect(source.test(p)).toBe(true);
    expect(FILE_CSP).toBe("default-src 'none'; sandbox");
  });

  it("production scripts: no eval; framing, plugins and foreign forms refused", () => {
    const csp = siteCsp(false);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
  });

  it("HSTS is sent only on requests the proxy marks as HTTPS", () => {
    const hsts = rules.find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"))!;
    expect(hsts.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
    expect(hsts.headers[0]!.value).toMatch(/max-age=31536000/);
  });
});

describe("request guard (middleware)", () => {
  const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers: new Headers(headers) });
  it("answers 400 for NUL bytes or broken encoding in the path or query", () => {
    expect(guardRequest(req("http://h/dashboard/tickets/%00"))?.status).toBe(400);
    expect(guardRequest(req("http://h/faq?q=a%00b"))?.status).toBe(400);
    expect(guardRequest(req("http://h/faq?q=%E0%A4%A"))?.status).toBe(400);
    expect(guardRequest(req("http://h/faq?q=jaringan%20lambat"))).toBeNull();
  });
  it("answers 413 for a declared body above the ceiling", () => {
    expect(guardRequest(req("http://h/dashboard/tickets/new", { "content-length": String(61 * 1024 * 1024) }, "POST"))?.status).toBe(413);
    expect(guardRequest(req("http://h/dashboard/tickets/new", { "content-length": String(1024) }, "POST"))).toBeNull();
  });
  it("refuses a server action posted from another site's page (403) or with a broken Origin (400)", () => {
    const action = (origin: string) => req("http://helpdesk.go.id/kontak", { "next-action": "abc", host: "helpdesk.go.id", origin }, "POST");
    expect(guardRequest(action("https://evil.example"))?.status).toBe(403);
    expect(guardRequest(action("not a url"))?.status).toBe(400);
    expect(guardRequest(action("https://helpdesk.go.id"))).toBeNull();
  });
});

describe("start-up and settings limits", () => {
  it("production refuses to start without a session secret, or with a short one", () => {
    expect(productionSecretProblem({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toMatch(/NEXTAUTH_SECRET/);
    expect(productionSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" } as NodeJS.ProcessEnv)).toMatch(/shorter/);
    expect(productionSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) } as NodeJS.ProcessEnv)).toBeNull();
  });

  it("ticket settings cannot allow more per message than one request carries", () => {
    const ok = ticketSettingsSchema.safeParse({ ...DEFAULT_SETTINGS.ticket, maxFileSizeMb: 10, maxFilesPerMessage: 5 });
    expect(ok.success).toBe(true);
    const tooMuch = ticketSettingsSchema.safeParse({ ...DEFAULT_SETTINGS.ticket, maxFileSizeMb: 100, maxFilesPerMessage: 20 });
    expect(tooMuch.success).toBe(false);
    expect(tooMuch.error!.issues[0]!.message).toBe(`attachmentsOverRequestLimit|{"max":${maxAttachmentsTotalMb()}}`);
  });
});

describe("classification and verification", () => {
  it("recognises an unreachable database in Prisma's, the adapter's and pg's errors", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });

  it("reCAPTCHA: success alone is not enough — host name and age are checked", () => {
    process.env.RECAPTCHA_HOSTNAMES = "helpdesk.bantenprov.go.id";
    const now = Date.parse("2026-11-28T10:00:00Z");
    const good = { success: true, hostname: "helpdesk.bantenprov.go.id", challenge_ts: "2026-11-28T09:59:00Z" };
    expect(judgeVerification(good, { now })).toBe("ok");
    expect(judgeVerification({ ...good, hostname: "evil.example" }, { now })).toBe("rejected");
    expect(judgeVerification({ ...good, challenge_ts: "2026-11-28T09:00:00Z" }, { now })).toBe("rejected");
    expect(judgeVerification({ ...good, challenge_ts: undefined }, { now })).toBe("rejected");
    delete process.env.RECAPTCHA_HOSTNAMES;
  });
});

describe("security log lines", () => {
  it("are one JSON object per line; CR/LF in user input cannot start a new line; secrets are redacted", async () => {
    const log = await import("@/lib/log");
    const out = new PassThrough();
    let text = "";
    out.on("data", (c) => (text += c));
    log.setLogDestination(out);
    log.securityEvent("login.failure", { outcome: "failure", ip: "192.0.2.1", target: log.clean("x\r\n{\"event\":\"login.success\"}"), password: "rahasia" });
    await new Promise((r) => setImmediate(r));
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ kind: "security", event: "login.failure", outcome: "failure", ip: "192.0.2.1", password: "[redacted]" });
    expect(entry.target).toBe('x\\x0d\\x0a{"event":"login.success"}');
  });
});
