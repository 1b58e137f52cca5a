import "server-only";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { SAVED_FILTERS_MAX } from "@/lib/validation/finding";
import { SLA_COUNT_CAP, ticketListFiltersOf, ticketListQuery, type TicketListFilters } from "@/lib/validation/tickets";
import type { SessionUser } from "./users";
import { scopeOf } from "./tickets/scope";
import { prepareSearch, slaWindowNow } from "./tickets/filter-sql";
import { slaViewCounts, statusCounts } from "./tickets/counts";

// "Filter saya": each user's own named list filters. Every function reads and writes only the acting
// user's rows (a foreign id is "not found"); a filter's count is its list's tab count, under the same
// scope, cap and cache as the list itself.

export type SavedFilter = { id: string; name: string; query: string };
/** A saved filter with the number of tickets it shows now; `more`: at least that many (the count was capped). */
export type SavedFilterWithCount = SavedFilter & { count: number; more: boolean };

/** The list's filters as one canonical query string: unknown or invalid values dropped, no page. */
export function canonicalFilterQuery(query: string): string {
  return ticketListQuery({ ...ticketListFiltersOf(new URLSearchParams(query.replace(/^\?/, ""))), page: undefined });
}

export async function listSavedFilters(user: SessionUser): Promise<SavedFilter[]> {
  return db().$queryRaw<SavedFilter[]>`
    SELECT "id"::text AS id, "name", "query" FROM "SavedFilter" WHERE "userId" = ${user.id}::uuid ORDER BY lower("name"), "id" LIMIT ${SAVED_FILTERS_MAX}`;
}

/**
 * Each filter with the count its list's tab shows: a status tab's count (exact from the count tables, or
 * at most COUNT_CAP matches of a search or date range), or a service-level view's (at most SLA_COUNT_CAP).
 */
export async function listSavedFiltersWithCounts(user: SessionUser): Promise<SavedFilterWithCount[]> {
  const [filters, scope, w] = await Promise.all([listSavedFilters(user), scopeOf(user), slaWindowNow()]);
  const narrowScope = scope.kind !== "all";
  const counted = async (f: SavedFilter): Promise<SavedFilterWithCount> => {
    const filters: TicketListFilters = ticketListFiltersOf(new URLSearchParams(f.query));
    await prepareSearch(filters.q);
    if (filters.sla) {
      const sla = await slaViewCounts(scope, filters, narrowScope, w);
      const n = sla[filters.sla];
      return { ...f, count: Math.min(n, SLA_COUNT_CAP), more: n >= SLA_COUNT_CAP || !!sla.atLeast };
    }
    const { counts, countsCapped } = await statusCounts(scope, filters, narrowScope, w);
    return { ...f, count: counts[filters.status ?? "ALL"], more: countsCapped };
  };
  // One at a time: a user has a handful, each count is cached briefly, and the pool serves other requests.
  const out: SavedFilterWithCount[] = [];
  for (const f of filters) out.push(await counted(f));
  return out;
}

async function assertNameFree(user: SessionUser, name: string, exceptId: string | null) {
  const [taken] = await db().$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "SavedFilter"
    WHERE "userId" = ${user.id}::uuid AND lower("name") = lower(${name}) AND (${exceptId}::uuid IS NULL OR "id" <> ${exceptId}::uuid)`;
  if (taken) throw new UserFacingError("savedFilters.errors.nameTaken", { field: "name" });
}

/** Saves the list's current filters under a name. */
export async function saveFilter(user: SessionUser, input: { name: string; query: string }): Promise<SavedFilter> {
  const query = canonicalFilterQuery(input.query);
  if (!query) throw new UserFacingError("savedFilters.errors.empty");
  await assertNameFree(user, input.name, null);
  const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SavedFilter" WHERE "userId" = ${user.id}::uuid`;
  if (n >= SAVED_FILTERS_MAX) throw new UserFacingError("savedFilters.errors.tooMany", { field: "name", values: { max: SAVED_FILTERS_MAX } });
  try {
    return await db().savedFilter.create({ data: { userId: user.id, name: input.name, query }, select: { id: true, name: true, query: true } });
  } catch (error) {
    // Two saves under one name at once: the unique index keeps one.
    if ((error as { code?: string }).code === "P2002") throw new UserFacingError("savedFilters.errors.nameTaken", { field: "name" });
    throw error;
  }
}

export async function renameFilter(user: SessionUser, input: { id: string; name: string }): Promise<void> {
  await assertNameFree(user, input.name, input.id);
  const { count } = await db().savedFilter.updateMany({ where: { id: input.id, userId: user.id }, data: { name: input.name } });
  if (!count) throw new UserFacingError("savedFilters.errors.notFound");
}

export async function deleteFilter(user: SessionUser, input: { id: string }): Promise<void> {
  const { count } = await db().savedFilter.deleteMany({ where: { id: input.id, userId: user.id } });
  if (!count) throw new UserFacingError("savedFilters.errors.notFound");
}
