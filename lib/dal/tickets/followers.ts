import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { UserFacingError } from "@/lib/errors";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketFollowerInput } from "@/lib/validation/followers";
import { mayFollowSql, ticketColumns } from "./recipients";
import { findScopedTicket } from "./scope";

/** The add-follower choice is a select: at most this many people, nearest first (staff, then clients). */
export const FOLLOWER_CANDIDATE_CAP = 200;

export type TicketFollowerRow = { id: string; name: string; role: Role };
export type TicketFollowers = {
  followers: TicketFollowerRow[];
  /** The viewer follows the ticket. */
  following: boolean;
  /** The viewer may add and remove others (the staff side). */
  canManage: boolean;
  /** Who may still be added (empty unless canManage). */
  candidates: TicketFollowerRow[];
};

/** Who may be added to the ticket `t` (alias), as a condition on the user `u`: active, not its client, may follow it. */
const eligible = Prisma.sql`u."active" AND u."id" <> t."clientId" AND ${mayFollowSql(ticketColumns("t"))}`;

/**
 * The ticket's followers, and for the staff side who else may follow it. The caller has already
 * read the ticket through the scope (the ticket page's view); the ticket id comes from that read.
 */
export async function ticketFollowers(user: SessionUser, ticketId: string): Promise<TicketFollowers> {
  const canManage = can(user, "tickets.followers");
  const [followers, candidates] = await Promise.all([
    db().$queryRaw<TicketFollowerRow[]>`
      SELECT u."id"::text AS id, u."name", u."role"::text AS role
      FROM "TicketFollower" f JOIN "User" u ON u."id" = f."userId"
      WHERE f."ticketId" = ${ticketId}::uuid
      ORDER BY u."name", u."id"`,
    canManage
      ? db().$queryRaw<TicketFollowerRow[]>`
          SELECT u."id"::text AS id, u."name", u."role"::text AS role
          FROM "Ticket" t JOIN "User" u ON ${eligible}
          WHERE t."id" = ${ticketId}::uuid
            AND NOT EXISTS (SELECT 1 FROM "TicketFollower" f WHERE f."ticketId" = t."id" AND f."userId" = u."id")
          ORDER BY (u."role" = 'CLIENT'), u."name", u."id"
          LIMIT ${FOLLOWER_CANDIDATE_CAP}`
      : Promise.resolve([]),
  ]);
  return { followers, following: followers.some((f) => f.id === user.id), canManage, candidates };
}

/**
 * Adds a follower: the staff side adds anyone who may follow the ticket (staff who see it, clients of
 * its OPD), themselves included. Anyone else → a message on the field, nothing changes. The history
 * says who added whom.
 */
export async function addTicketFollower(user: SessionUser, input: TicketFollowerInput): Promise<void> {
  assertCan(user, "tickets.followers");
  const ticket = await findScopedTicket(user, input.ticketId);
  await db().$transaction(async (tx) => {
    const [candidate] = await tx.$queryRaw<{ id: string; following: boolean }[]>`
      SELECT u."id"::text AS id,
             EXISTS (SELECT 1 FROM "TicketFollower" f WHERE f."ticketId" = t."id" AND f."userId" = u."id") AS following
      FROM "Ticket" t JOIN "User" u ON u."id" = ${input.userId}::uuid AND ${eligible}
      WHERE t."id" = ${ticket.id}::uuid`;
    if (!candidate) throw new UserFacingError("followers.errors.notAllowed", { field: "userId" });
    if (candidate.following) throw new UserFacingError("followers.errors.already", { field: "userId" });
    // A concurrent add of the same person inserts nothing and writes no second history line.
    const added = await tx.$executeRaw`
      INSERT INTO "TicketFollower" ("ticketId", "userId", "addedById") VALUES (${ticket.id}::uuid, ${input.userId}::uuid, ${user.id}::uuid)
      ON CONFLICT DO NOTHING`;
    if (added !== 1) throw new UserFacingError("followers.errors.already", { field: "userId" });
    await tx.ticketActivity.create({ data: { ticketId: ticket.id, actorId: user.id, field: "follower", fromValue: null, toValue: input.userId } });
  });
}

/** Removes a follower: the staff side removes anyone; every follower may stop following. */
export async function removeTicketFollower(user: SessionUser, input: TicketFollowerInput): Promise<void> {
  if (input.userId !== user.id) assertCan(user, "tickets.followers");
  const ticket = await findScopedTicket(user, input.ticketId);
  await db().$transaction(async (tx) => {
    const removed = await tx.ticketFollower.deleteMany({ where: { ticketId: ticket.id, userId: input.userId } });
    if (removed.count === 0) throw new UserFacingError("followers.errors.notFollowing", { field: "userId" });
    await tx.ticketActivity.create({ data: { ticketId: ticket.id, actorId: user.id, field: "follower", fromValue: input.userId, toValue: null } });
  });
}
