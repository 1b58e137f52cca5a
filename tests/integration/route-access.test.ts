import { requirePageUser } from "@/lib/dal/session";
import type { Role } from "@/lib/auth/roles";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

type Expect = "allowed" | "login" | "404";
const A: Expect = "allowed";
const N: Expect = "404";

/** Every dashboard route × every role, checked at the DAL (what a page does before rendering). */
const TABLE: Record<string, Record<Role, Expect>> = {
  "/dashboard": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/tickets": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/tickets/new": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/reports": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: N },
  "/dashboard/reports/skm": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: N },
  "/dashboard/reports/skm/print": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: N },
  "/dashboard/admins": { SUPER_ADMIN: A, ADMIN: N, STAFF: N, CLIENT: N },
  "/dashboard/staff": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/clients": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/faq": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/canned-replies": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/canned-replies/new": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/departments": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/settings": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/settings/email": { SUPER_ADMIN: A, ADMIN: N, STAFF: N, CLIENT: N },
  "/dashboard/settings/skm": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/agencies": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/audit": { SUPER_ADMIN: A, ADMIN: N, STAFF: N, CLIENT: N },
  "/dashboard/inbox": { SUPER_ADMIN: A, ADMIN: A, STAFF: N, CLIENT: N },
  "/dashboard/profile": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/password": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
  "/dashboard/notifications": { SUPER_ADMIN: A, ADMIN: A, STAFF: A, CLIENT: A },
};

async function outcome(path: string): Promise<Expect | string> {
  try {
    await requirePageUser(path);
    return "allowed";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/login")) return "login";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    return `unexpected: ${digest || String(error)}`;
  }
}

const users: Partial<Record<Role, Awaited<ReturnType<typeof createUser>>>> = {};
beforeAll(async () => {
  for (const role of ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"] as Role[]) users[role] = await createUser({ role });
});

describe.each(Object.entries(TABLE))("%s", (path, expected) => {
  it("sends a visitor to login", async () => {
    await actAs(null);
    expect(await outcome(path)).toBe("login");
  });

  it.each(Object.entries(expected))("%s → %s", async (role, want) => {
    await actAs(users[role as Role]!);
    expect(await outcome(path)).toBe(want);
  });
});

it("sends a deactivated user with a still-valid JWT to login on every route", async () => {
  const user = await createUser({ role: "SUPER_ADMIN" });
  await actAs(user);
  await testDb().user.update({ where: { id: user.id }, data: { active: false } });
  for (const path of Object.keys(TABLE)) expect(await outcome(path)).toBe("login");
});

it("a JWT whose role claim was raised cannot open an admin route: the DAL reads the role from the database", async () => {
  const client = await createUser({ role: "CLIENT" });
  await actAs({ ...client, role: "SUPER_ADMIN" });
  expect(await outcome("/dashboard/admins")).toBe("404");
});
