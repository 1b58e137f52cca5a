import { createTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { closeStaleResolvedTickets } from "@/lib/dal/ticket-jobs";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { actAs, sessionUserOf } from "./helpers/factories";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { testDb } from "./helpers/test-db";
import { createWorld, ticketForm } from "./helpers/tickets";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

async function resolvedTicket(daysAgo: number) {
  await actAs(world.client);
  const r = await createTicketAction(ticketForm({ departmentId: world.deptA.id, subject: `Selesai ${daysAgo} hari lalu`, description: "x" }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.update({
    where: { number: r.data.number },
    data: { status: "RESOLVED", resolvedAt: new Date(Date.now() - daysAgo * DAY) },
  });
}

const setAutoClose = async (days: number) => {
  await testDb().setting.upsert({ where: { key: "ticket" }, update: { value: { autoCloseResolvedAfterDays: days } }, create: { key: "ticket", value: { autoCloseResolvedAfterDays: days } } });
  forgetCachedSettings();
};

it("closes tickets resolved longer ago than the setting, tells the client, and shows Sistem in the history", async () => {
  await setAutoClose(7);
  const stale = await resolvedTicket(8);
  const fresh = await resolvedTicket(2);

  expect(await closeStaleResolvedTickets()).toBe(1);
  expect((await testDb().ticket.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("CLOSED");
  expect((await testDb().ticket.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("RESOLVED");
  expect(await testDb().notification.count({ where: { ticketId: stale.id, userId: world.client.id, kind: "TICKET_STATUS" } })).toBe(1);

  const viewer = await sessionUserOf(world.client);
  const page = await getTicketOrThrow(viewer, stale.number);
  expect(page.activities.at(-1)).toMatchObject({ field: "status", fromValue: "RESOLVED", toValue: "CLOSED", actor: null });

  expect(await closeStaleResolvedTickets()).toBe(0); // nothing left to do, and nothing done twice
});

it("closes nothing when the setting is 0 (never)", async () => {
  await setAutoClose(0);
  const old = await resolvedTicket(400);
  expect(await closeStaleResolvedTickets()).toBe(0);
  expect((await testDb().ticket.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("RESOLVED");
});
