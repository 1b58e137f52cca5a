import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { dayStartIn } from "@/lib/time-zone";
import { listAuditActions, listAuditLog } from "@/lib/dal/audit";
import { AuditLog } from "@/components/audit/audit-log";
import { parseListQuery } from "@/lib/validation/list-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 100);

/** Super Admin: every change made through the people/config screens, with filters. */
export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePageUser("/dashboard/audit");
  const params = await searchParams;
  const { page } = parseListQuery(params);
  const filters = { actor: one(params.actor), action: one(params.action), from: one(params.from), to: one(params.to) };
  // The filter's days are days of the service calendar: "to" includes the whole day.
  const timeZone = await getServiceTimeZone();
  const from = dayStartIn(timeZone, filters.from);
  const to = dayStartIn(timeZone, filters.to, 1);
  const [when, actions, list] = await Promise.all([
    getDateTimeFormatter(),
    listAuditActions(user),
    listAuditLog(user, {
      page,
      ...(filters.actor ? { actor: filters.actor } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
  ]);
  return <AuditLog filters={filters} actions={actions} page={page} list={list} when={when} />;
}
