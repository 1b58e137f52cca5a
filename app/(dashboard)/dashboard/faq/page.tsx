import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { parseListQuery } from "@/lib/validation/list-query";
import { FaqListPage } from "@/components/faq/faq-pages";
import { setFaqPublishedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("faq") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/faq");
  return <FaqListPage user={user} query={parseListQuery(await searchParams)} setPublishedAction={setFaqPublishedAction} />;
}
