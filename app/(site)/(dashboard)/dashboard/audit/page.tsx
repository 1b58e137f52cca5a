import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { listAuditActions, listAuditLog } from "@/lib/dal/audit";
import { AuditLog } from "@/components/audit/audit-log";
import { parseListQuery } from "@/lib/validation/list-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 100);
/** yyyy-mm-dd as the start of that day in Asia/Jakarta (UTC+7, no DST). */
function jakartaDay(value: string, addDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + addDays * 86_400_000);
}

/** Super Admin: every change made through the people/config screens, with filters. */
export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePageUser("/dashboard/audit");
  const params = await searchParams;
  const { page } = parseListQuery(params);
  const filters = { actor: one(params.actor), action: one(params.action), from: one(params.from), to: one(params.to) };
  const [when, actions, list] = await Promise.all([
    getDateTimeFormatter(),
    listAuditActions(user),
    listAuditLog(user, {
      page,
      ...(filters.actor ? { actor: filters.actor } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(jakartaDay(filters.from) ? { from: jakartaDay(filters.from) } : {}),
      ...(jakartaDay(filters.to, 1) ? { to: jakartaDay(filters.to, 1) } : {}),
    }),
  ]);
  return <AuditLog filters={filters} actions={actions} page={page} list={list} when={when} />;
}
