import { claimTurn } from "@/lib/jobs/scheduler";
import { purgeOldMail } from "@/lib/mail/worker";
import { testDb } from "./helpers/test-db";

it("an exclusive job's turn is taken by one instance only, and again only when due", async () => {
  const job = { name: "test.turns", everyMs: 60_000 };
  const now = new Date();
  const claims = await Promise.all([claimTurn(job, now), claimTurn(job, now), claimTurn(job, now)]);
  expect(claims.filter(Boolean)).toHaveLength(1);
  expect(await claimTurn(job, new Date(now.getTime() + 30_000))).toBe(false);
  expect(await claimTurn(job, new Date(now.getTime() + 61_000))).toBe(true);
});

it("purges sent mail past the keep period, never queued or failed mail", async () => {
  const old = new Date(Date.now() - 100 * 86400_000);
  await testDb().emailOutbox.createMany({
    data: [
      { kind: "test", toAddress: "a@example.go.id", status: "SENT", createdAt: old },
      { kind: "test", toAddress: "b@example.go.id", status: "FAILED", createdAt: old },
      { kind: "test", toAddress: "c@example.go.id", status: "QUEUED", createdAt: old },
      { kind: "test", toAddress: "d@example.go.id", status: "SENT" },
    ],
  });
  expect((await purgeOldMail()).outbox).toBe(1);
  expect((await testDb().emailOutbox.findMany({ orderBy: { toAddress: "asc" } })).map((m) => m.toAddress)).toEqual(["b@example.go.id", "c@example.go.id", "d@example.go.id"]);
});
