import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InboxTable } from "@/components/contact/inbox-table";
import { requirePageUser } from "@/lib/dal/session";
import { listContactMessages } from "@/lib/dal/contact";
import { getDateTimeFormatter } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

type Search = { status?: string; q?: string; page?: string };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("/dashboard/inbox");
  const params = await searchParams;
  const status = params.status === "NEW" || params.status === "HANDLED" ? params.status : undefined;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const page = Math.min(Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1), 10_000);
  const [when, list] = await Promise.all([getDateTimeFormatter(), listContactMessages(user, { status, q, page })]);
  return <InboxTable filter={{ status, q, page }} list={list} when={when} />;
}
