import { createTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import * as sla from "@/app/(site)/(dashboard)/dashboard/settings/sla-actions";
import { getReport } from "@/lib/dal/reports";
import { listTicketsForUser } from "@/lib/dal/tickets";
import { getDateTimeFormatter } from "@/lib/format";
import { reportRange } from "@/lib/validation/reports";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, ticketForm } from "./helpers/tickets";

type World = Awaited<ReturnType<typeof createWorld>>;
let w: World;
let ticketId: string;

const HOURS = Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [`day${d}`, "07:30-16:00"]));
/** 15:30 UTC: 22:30 on 10 March in Jakarta (UTC+7), 00:30 on 11 March in Jayapura (UTC+9). */
const FILED = new Date("2026-03-10T15:30:00Z");

async function setZone(timeZone: string) {
  await actAs(w.admin);
  expect(await sla.updateCalendarAction({ timeZone, ...HOURS })).toEqual({ ok: true, data: null });
}
const admin = () => sessionUserOf(w.admin);
const createdOn = async (day: string) => (await getReport(await admin(), { from: day, to: day, groupBy: "priority" })).totals.created;
const listedOn = async (day: string) => (await listTicketsForUser(await admin(), { from: day, to: day })).rows.map((r) => r.id);

beforeAll(async () => {
  w = await createWorld();
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Jaringan putus malam hari", description: "Sejak pukul 22" }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const ticket = await testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
  ticketId = ticket.id;
  // The report counts follow the row (the aggregates' triggers see the change).
  await testDb().ticket.update({ where: { id: ticketId }, data: { createdAt: FILED } });
});

it("moving the service calendar's zone moves report days, the list's date filter and shown dates", async () => {
  await setZone("Asia/Jakarta");
  expect(await createdOn("2026-03-10")).toBe(1);
  expect(await createdOn("2026-03-11")).toBe(0);
  expect(await listedOn("2026-03-10")).toEqual([ticketId]);
  expect(await listedOn("2026-03-11")).toEqual([]);
  const jakarta = (await getDateTimeFormatter())(FILED);
  expect(jakarta).toMatch(/10 Mar 2026/);
  expect(jakarta).toMatch(/22[.:]30/);

  await setZone("Asia/Jayapura");
  expect(await createdOn("2026-03-10")).toBe(0);
  expect(await createdOn("2026-03-11")).toBe(1);
  expect(await listedOn("2026-03-10")).toEqual([]);
  expect(await listedOn("2026-03-11")).toEqual([ticketId]);
  const jayapura = (await getDateTimeFormatter())(FILED);
  expect(jayapura).toMatch(/11 Mar 2026/);
  expect(jayapura).toMatch(/00[.:]30/);
});

it("a survey answer at a month's edge moves month with the zone (the SKM totals are recounted by the save)", async () => {
  await setZone("Asia/Jakarta");
  // 31 March 16:30 UTC: still March in Jakarta, already April in Jayapura.
  await testDb().skmResponse.create({ data: { ticketId, departmentId: w.deptA.id, channel: "ticket", u1: 4, submittedAt: new Date("2026-03-31T16:30:00Z") } });
  const months = async () =>
    (await testDb().skmMonthTally.findMany({ where: { departmentId: w.deptA.id, n: { gt: 0 } } })).map((m) => [m.month.toISOString().slice(0, 7), m.n]);
  expect(await months()).toEqual([["2026-03", 1]]);
  await setZone("Asia/Jayapura");
  expect(await months()).toEqual([["2026-04", 1]]);
  await setZone("Asia/Jakarta");
  expect(await months()).toEqual([["2026-03", 1]]);
});

it("this month's report starts on the first of the month in the service zone", () => {
  // 31 March 16:30 UTC is 23:30 that day in Jakarta, already 01:30 on 1 April in Jayapura.
  const now = new Date("2026-03-31T16:30:00Z");
  expect(reportRange({ preset: "thisMonth" }, "Asia/Jakarta", now)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
  expect(reportRange({ preset: "thisMonth" }, "Asia/Jayapura", now)).toEqual({ from: "2026-04-01", to: "2026-04-01" });
});

it("a ticket filed just before midnight in Jakarta is numbered with the service zone's year", async () => {
  jest.useFakeTimers({ now: new Date("2026-12-31T16:30:00Z"), doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  try {
    const file = async () => {
      await actAs(w.client);
      const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Akhir tahun", description: "Malam tahun baru" }));
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.data.number;
    };
    await setZone("Asia/Jakarta");
    expect(await file()).toMatch(/^HD-2026-/);
    await setZone("Asia/Jayapura");
    expect(await file()).toMatch(/^HD-2027-/);
  } finally {
    jest.useRealTimers();
  }
});
