import { baseUrl, createE2eUser, closeE2eDb, E2E_PASSWORD, e2eDb, sessionCookie } from "./helpers/app";

/** Issue 13 over real HTTP against `npm start`: what a browser or an attacker sees. */

afterAll(async () => {
  await closeE2eDb();
});

async function csrf(cookie: string) {
  const res = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const csrfCookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { csrfToken, cookie: [cookie, csrfCookie].filter(Boolean).join("; ") };
}

describe("signing out ends the session on the server", () => {
  it("after sign-out a copy of the old cookie no longer loads pages or posts tickets; the other session stays", async () => {
    const client = await createE2eUser("CLIENT");
    const department = await e2eDb().department.create({ data: { name: `Jaringan ${client.username}` } });
    const laptop = await sessionCookie(client.username, E2E_PASSWORD);
    const phone = await sessionCookie(client.username, E2E_PASSWORD);
    const api = (cookie: string) =>
      fetch(`${baseUrl()}/api/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ departmentId: department.id, subject: "Uji keluar", description: "Setelah keluar tidak boleh bisa." }),
      });
    expect((await api(laptop)).status).toBe(201);

    const { csrfToken, cookie } = await csrf(laptop);
    const out = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(out.status).toBeLessThan(400);

    // The attacker kept a copy of the laptop's cookie.
    expect((await api(laptop)).status).toBe(401);
    const page = await fetch(`${baseUrl()}/dashboard/profile`, { headers: { cookie: laptop }, redirect: "manual" });
    expect(page.status === 307 || page.status === 302 || (await page.text()).includes("/login")).toBe(true);
    // The ticket list's data and its page are refused, and neither carries anything of the user's.
    const list = await fetch(`${baseUrl()}/api/tickets/list?options=1`, { headers: { cookie: laptop } });
    expect(list.status).toBe(401);
    expect(await list.text()).not.toContain("Uji keluar");
    const listPage = await fetch(`${baseUrl()}/dashboard/tickets`, { headers: { cookie: laptop }, redirect: "manual" });
    expect(listPage.status === 307 || (await listPage.clone().text()).includes("/login")).toBe(true);
    const shown = await listPage.text();
    expect(shown).not.toContain("Uji keluar");
    expect(shown).not.toContain(client.username);
    // The phone's session is another session.
    expect((await api(phone)).status).toBe(201);
    const history = await e2eDb().auditLog.findMany({ where: { actorId: client.id, action: { in: ["login.success", "session.signout"] } } });
    expect(history.map((h) => h.action).sort()).toEqual(["login.success", "login.success", "session.signout"]);
  });
});

describe("requests the app refuses before parsing", () => {
  it("a foreign Origin on a server action answers 403; an invalid Origin 400", async () => {
    const post = (origin: string) =>
      fetch(`${baseUrl()}/kontak`, { method: "POST", headers: { "next-action": "0000000000000000000000000000000000000000", origin, "content-type": "text/plain" }, body: "[]" });
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post("::not a url::")).status).toBe(400);
  });

  it("NUL bytes in the path or query give 400; broken encoding a 4xx; never 500", async () => {
    for (const p of ["/faq?q=%00", "/dashboard/tickets/%00", "/faq?q=a%00b"]) {
      expect([p, (await fetch(`${baseUrl()}${p}`, { redirect: "manual" })).status]).toEqual([p, 400]);
    }
    const broken = (await fetch(`${baseUrl()}/api/tickets?x=%E0%A4%A`, { redirect: "manual" })).status;
    expect(broken >= 400 && broken < 500).toBe(true);
  });
});

describe("headers", () => {
  it("HSTS only when the proxy says the request came over HTTPS", async () => {
    expect((await fetch(`${baseUrl()}/`)).headers.get("strict-transport-security")).toBeNull();
    const https = await fetch(`${baseUrl()}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("the avatar and attachment routes keep their own strict CSP; pages keep the site CSP", async () => {
    const user = await createE2eUser("STAFF");
    const cookie = await sessionCookie(user.username, E2E_PASSWORD);
    const avatar = await fetch(`${baseUrl()}/api/avatars/${user.id}`, { headers: { cookie } });
    expect(avatar.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const attachment = await fetch(`${baseUrl()}/api/attachments/00000000-0000-4000-8000-000000000000`, { headers: { cookie } });
    expect(attachment.status).toBe(404);
    expect(attachment.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const page = await fetch(`${baseUrl()}/`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
