import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { listCannedReplies } from "@/lib/dal/canned-replies";
import { parseListQuery } from "@/lib/validation/list-query";
import { CannedReplyTable } from "@/components/canned-replies/canned-reply-table";
import { deleteCannedReplyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("cannedReplies") };
}

/** Balasan cepat: the canned replies staff insert into their replies (Admins and Super Admins keep them). */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/canned-replies");
  const query = parseListQuery(await searchParams);
  const list = await listCannedReplies(user, query);
  return <CannedReplyTable query={query} list={list} deleteAction={deleteCannedReplyAction} />;
}
