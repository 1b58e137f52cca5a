import { canRate, canReply, canTake, clientStatusChoices, statusChoices, ticketAbilities } from "@/lib/dal/tickets/rules";
import { TICKET_STATUSES, type TicketStatus } from "@/lib/validation/tickets";

const client = { id: "c1", role: "CLIENT" as const };
const staff = { id: "s1", role: "STAFF" as const };
const both = { clientsMayClose: true, clientsMayReopen: true };
const none = { clientsMayClose: false, clientsMayReopen: false };
const ticket = (status: TicketStatus, assigneeId: string | null = null) => ({ status, clientId: "c1", assigneeId });

describe("what a client may do with their own ticket", () => {
  it.each([
    ["OPEN", both, ["RESOLVED", "CLOSED"]],
    ["IN_PROGRESS", both, ["RESOLVED", "CLOSED"]],
    ["WAITING", both, ["RESOLVED", "CLOSED"]],
    ["RESOLVED", both, ["CLOSED", "OPEN"]],
    ["CLOSED", both, ["OPEN"]],
    ["OPEN", none, ["RESOLVED"]],
    ["RESOLVED", none, []],
    ["CLOSED", none, []],
  ] as const)("from %s with settings %o may move to %o", (status, settings, expected) => {
    expect(clientStatusChoices({ status }, settings)).toEqual(expected);
  });

  it("covers every status of the schema (a new status must be placed in the rules)", () => {
    // Keyed by status: a status added to the schema without a decided answer fails here.
    const withBoth: Record<TicketStatus, TicketStatus[]> = {
      OPEN: ["RESOLVED", "CLOSED"],
      IN_PROGRESS: ["RESOLVED", "CLOSED"],
      WAITING: ["RESOLVED", "CLOSED"],
      RESOLVED: ["CLOSED", "OPEN"],
      CLOSED: ["OPEN"],
    };
    for (const s of TICKET_STATUSES) expect([s, clientStatusChoices({ status: s }, both)]).toEqual([s, withBoth[s]]);
    expect(TICKET_STATUSES).toEqual(["OPEN", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"]);
  });

  it("replies unless the ticket is closed; staff always", () => {
    expect(canReply(client, ticket("WAITING"))).toBe(true);
    expect(canReply(client, ticket("CLOSED"))).toBe(false);
    expect(canReply(staff, ticket("CLOSED"))).toBe(true);
  });

  it("rates only once resolved or closed, and only the ticket's own client", () => {
    expect(canRate(client, ticket("OPEN"))).toBe(false);
    expect(canRate(client, ticket("RESOLVED"))).toBe(true);
    expect(canRate(client, ticket("CLOSED"))).toBe(true);
    expect(canRate({ id: "c2", role: "CLIENT" }, ticket("RESOLVED"))).toBe(false);
    expect(canRate(staff, ticket("RESOLVED"))).toBe(false);
  });

  it("another client gets no status moves; staff get every status", () => {
    expect(statusChoices({ id: "c2", role: "CLIENT" }, ticket("OPEN"), both)).toEqual([]);
    expect(statusChoices(staff, ticket("OPEN"), none)).toEqual([...TICKET_STATUSES]);
  });

  it("abilities bundle the same answers for the page", () => {
    expect(ticketAbilities(client, ticket("RESOLVED"), none)).toEqual({ reply: true, work: false, rate: true, statuses: [], take: false });
    expect(ticketAbilities(staff, ticket("OPEN"), none)).toMatchObject({ reply: true, work: true, rate: false });
  });
});

describe("Ambil (assign to me)", () => {
  const admin = { id: "a1", role: "ADMIN" as const };
  it("the staff side may take a ticket that is not theirs and not closed; a client never", () => {
    expect(canTake(staff, ticket("OPEN"))).toBe(true);
    expect(canTake(staff, ticket("WAITING", "s2"))).toBe(true);
    expect(canTake(admin, ticket("RESOLVED", "s1"))).toBe(true);
    expect(canTake(staff, ticket("OPEN", "s1"))).toBe(false);
    expect(canTake(staff, ticket("CLOSED"))).toBe(false);
    expect(canTake(client, ticket("OPEN"))).toBe(false);
    expect(ticketAbilities(staff, ticket("OPEN", "s1"), none).take).toBe(false);
  });
});
