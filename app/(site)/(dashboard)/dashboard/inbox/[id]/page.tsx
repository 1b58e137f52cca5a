import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { convertedTicketNumber, getContactMessage } from "@/lib/dal/contact";
import { listActiveDepartments } from "@/lib/dal/departments";
import { listSelectableAgencies } from "@/lib/dal/people";
import { InboxMessage } from "@/components/contact/inbox-message";
import { getDateTimeFormatter } from "@/lib/format";
import { isUuid } from "@/lib/validation/zod";
import { convertContactToTicketAction, setContactStatusAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/inbox");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [when, message] = await Promise.all([getDateTimeFormatter(), getContactMessage(user, id)]);
  if (!message) notFound();
  const [ticketNumber, departments, agencies] = await Promise.all([
    convertedTicketNumber(user, message.convertedTicketId),
    message.convertedTicketId ? Promise.resolve([]) : listActiveDepartments(),
    message.convertedTicketId ? Promise.resolve([]) : listSelectableAgencies(user),
  ]);
  const suggestedAgency = message.agency
    ? agencies.find((a) => a.name.toLowerCase() === message.agency!.trim().toLowerCase())
    : undefined;

  return (
    <InboxMessage
      message={message}
      when={when}
      ticketNumber={ticketNumber}
      departments={departments}
      agencies={agencies}
      suggestedAgencyId={suggestedAgency?.id}
      setStatusAction={setContactStatusAction}
      convertAction={convertContactToTicketAction}
    />
  );
}
