import { Prisma } from "@/lib/db";
import { rolesWith, type Permission } from "./permissions";

/**
 * "The user in `column` has `permission`" as a SQL condition, for queries that pick recipients
 * set-wise: the role list comes from the permission table, so SQL and `can()` cannot disagree.
 */
export function roleCanSql(column: Prisma.Sql, permission: Permission): Prisma.Sql {
  return Prisma.sql`${column} = ANY(${[...rolesWith(permission)]}::"Role"[])`;
}
