import fs from "node:fs";
import path from "node:path";
import { ACTIONS, ACTORS, ROUTES, accessTable, accessTableMarkdown, type Actor, type Outcome } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/roles";
import { actAs, createUser } from "./helpers/factories";

/**
 * Issue 13 §7: one generated role × action table (lib/auth/access.ts). This file (1) fails when a
 * server action or route handler exists that the table does not list, or the table lists one that
 * is gone, and (2) calls every action and route as a visitor and as each role and checks the
 * outcome the table says. Calls carry no valid input: an allowed caller gets a validation answer
 * (nothing is changed), a refused one the session or permission answer.
 */

const root = path.resolve(__dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "generated") walk(full, out);
    } else if (/\.tsx?$/.test(e.name)) out.push(full);
  }
  return out;
}

/** Files whose first statement is the "use server" directive, and their exported functions. */
function serverActionsInCode(): string[] {
  const found: string[] = [];
  for (const file of [...walk(path.join(root, "app")), ...walk(path.join(root, "lib"))]) {
    const text = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(text)) continue;
    const rel = path.relative(root, file);
    for (const m of text.matchAll(/export\s+(?:async\s+function|const|function)\s+([A-Za-z0-9_]+)/g)) found.push(`${rel}#${m[1]}`);
    for (const m of text.matchAll(/export\s*\{([^}]+)\}/g)) {
      for (const part of m[1]!.split(",")) found.push(`${rel}#${part.trim().split(/\s+as\s+/).pop()}`);
    }
  }
  return found.sort();
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
function routesInCode(): string[] {
  const found: string[] = [];
  for (const file of walk(path.join(root, "app")).filter((f) => /[/\\]route\.tsx?$/.test(f))) {
    const text = fs.readFileSync(file, "utf8");
    const urlPath = "/" + path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
    const methods = new Set<string>();
    for (const m of text.matchAll(/export\s+(?:async\s+function|const|function)\s+([A-Z]+)/g)) methods.add(m[1]!);
    for (const m of text.matchAll(/export\s*\{([^}]+)\}/g)) for (const part of m[1]!.split(",")) methods.add(part.trim().split(/\s+as\s+/).pop()!);
    for (const method of methods) if (METHODS.includes(method)) found.push(`${method} ${urlPath}`);
  }
  return found.sort();
}

describe("the table lists exactly what exists", () => {
  it("every server action in the code is in the table, and nothing else", () => {
    expect(serverActionsInCode()).toEqual(Object.keys(ACTIONS).sort());
  });

  it("every route handler (method × path) in the code is in the table, and nothing else", () => {
    expect(routesInCode()).toEqual(Object.keys(ROUTES).sort());
  });

  it("docs/access-table.md is the generated table (npm run access-table)", () => {
    expect(fs.readFileSync(path.join(root, "docs/access-table.md"), "utf8")).toBe(accessTableMarkdown());
  });
});

// ---------------------------------------------------------------------------------------------

const UNAUTHENTICATED = "Sesi Anda telah berakhir. Silakan login kembali.";
const FORBIDDEN = "Anda tidak memiliki akses untuk tindakan ini.";

const users: Partial<Record<Role, Awaited<ReturnType<typeof createUser>>>> = {};
beforeAll(async () => {
  for (const role of ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"] as Role[]) users[role] = await createUser({ role });
});

async function as(actor: Actor) {
  await actAs(actor === "VISITOR" ? null : users[actor]!);
}

/** Calls an action the way its form does (useActionState actions take the previous state first). */
async function callAction(key: string): Promise<Outcome | string> {
  const [file, name] = key.split("#") as [string, string];
  const mod = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const fn = mod[name]!;
  const form = new FormData();
  try {
    const result = (fn.length >= 2 ? await fn(null, form) : await fn(form)) as { ok?: boolean; formError?: string } | undefined;
    if (result && result.ok === false && result.formError === UNAUTHENTICATED) return "login";
    if (result && result.ok === false && result.formError === FORBIDDEN) return "forbidden";
    return "allowed";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/login")) return "login";
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const ZERO = "00000000-0000-4000-8000-000000000000";
async function callRoute(key: string): Promise<Outcome | string> {
  const [method, urlPath] = key.split(" ") as [string, string];
  const dir = urlPath.replace(/^\//, "");
  const mod = (await import(`@/app/${dir}/route`)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const concrete = urlPath.replace("[...nextauth]", "csrf").replace(/\[[^\]]+\]/g, ZERO);
  const params: Record<string, unknown> = {};
  for (const m of urlPath.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]!] = m[1] ? ["csrf"] : ZERO;
  const { NextRequest } = await import("next/server");
  const { requestContext } = await import("./helpers/request-context");
  const cookie = [...requestContext.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const req = new NextRequest(`http://localhost:3000${concrete}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    ...(method === "POST" ? { body: "{}" } : {}),
  });
  const res = await mod[method]!(req, { params: Promise.resolve(params) });
  if (res.status === 401) return "login";
  if (res.status === 403) return "forbidden";
  // Some routes refuse a role with 404 (as if the thing did not exist). With no id in the path
  // there is nothing else a 404 could mean; on an [id] route our made-up id is simply not found.
  const gate = ROUTES[key];
  if (res.status === 404 && !urlPath.includes("[") && gate !== "public" && gate !== "signed-in") return "forbidden";
  if (res.status >= 500) return `status ${res.status}`;
  return "allowed";
}

describe.each(accessTable().filter((r) => r.kind === "action").map((r) => [r.name, r.outcomes] as const))("action %s", (name, outcomes) => {
  it.each(ACTORS.map((a) => [a, outcomes[a]] as const))("%s → %s", async (actor, expected) => {
    await as(actor);
    expect(await callAction(name)).toBe(expected);
  });
});

describe.each(accessTable().filter((r) => r.kind === "route").map((r) => [r.name, r.outcomes] as const))("route %s", (name, outcomes) => {
  it.each(ACTORS.map((a) => [a, outcomes[a]] as const))("%s → %s", async (actor, expected) => {
    await as(actor);
    expect(await callRoute(name)).toBe(expected);
  });
});
