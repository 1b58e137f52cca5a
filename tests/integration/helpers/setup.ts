import { requestContext } from "./request-context";
import { closeTestDatabase, openTestDatabase } from "./test-db";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";

jest.mock("next/headers", () => {
  const { requestContext: ctx } = jest.requireActual("./request-context") as typeof import("./request-context");
  const cookieStore = () => ({
    get: (name: string) => (ctx.cookies.has(name) ? { name, value: ctx.cookies.get(name)! } : undefined),
    getAll: () => [...ctx.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => ctx.cookies.has(name),
    set: (name: string, value: string) => void ctx.cookies.set(name, value),
    delete: (name: string) => void ctx.cookies.delete(name),
  });
  return {
    cookies: async () => cookieStore(),
    headers: async () => new Headers([...ctx.headers]),
  };
});

// Cache invalidation needs Next's request store; outside Next there is nothing to invalidate.
jest.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
}));

beforeAll(async () => {
  await openTestDatabase();
});

beforeEach(async () => {
  requestContext.reset();
  // Rows written straight into the database by a previous test must not hide behind the settings cache.
  (await import("@/lib/dal/settings")).forgetCachedSettings();
});

afterAll(async () => {
  await closeTestDatabase();
});
