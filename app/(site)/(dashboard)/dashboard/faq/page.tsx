import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { listFaqsForUser } from "@/lib/dal/faq";
import { parseListQuery } from "@/lib/validation/list-query";
import { FaqTable } from "@/components/faq/faq-table";
import { setFaqPublishedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("faq") };
}

/** All questions. Managers edit and publish; other roles read published ones. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/faq");
  const query = parseListQuery(await searchParams);
  const list = await listFaqsForUser(user, query);
  return <FaqTable manager={can(user, "faq.manage")} query={query} list={list} setPublishedAction={setFaqPublishedAction} />;
}
