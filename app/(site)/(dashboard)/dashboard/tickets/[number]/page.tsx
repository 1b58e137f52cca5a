import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/dal/session";
import { TicketNotFoundError } from "@/lib/dal/tickets";
import { ticketPageView } from "@/lib/views/ticket-page";
import { ClientIntl } from "@/components/layout/client-intl";
import { TicketPage } from "@/components/tickets/ticket-page";
import { ticketDataUrl } from "@/lib/validation/tickets";
import { rateTicketAction, replyToTicketAction, takeTicketAction, updateTicketAction } from "../actions";
import { submitSkmForTicketAction } from "../skm-actions";
import { reviewPriorityAction } from "../finding-actions";
import { addTicketFollowerAction, removeTicketFollowerAction } from "../follower-actions";
import { findMergeTargetAction, linkTicketAction, mergeTicketAction, unlinkTicketAction } from "../relation-actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number).slice(0, 40) };
}

/** One ticket, its first view rendered here (404 when it does not exist or is not this user's to see). */
export default async function TicketDetailPage({ params }: { params: Params }) {
  const number = decodeURIComponent((await params).number).slice(0, 64);
  const user = await requirePageUser("/dashboard/tickets");
  const view = await ticketPageView(user, number).catch((error: unknown) => {
    if (error instanceof TicketNotFoundError) notFound();
    throw error;
  });
  return (
    <ClientIntl namespaces={["tickets", "attachments", "sla", "triage", "shortcuts", "skm", "followers", "ticketRelations"]}>
      <TicketPage
        key={number}
        initial={{ url: ticketDataUrl(number), view }}
        actions={{ reply: replyToTicketAction, update: updateTicketAction, rate: rateTicketAction, take: takeTicketAction, reviewPriority: reviewPriorityAction, skm: submitSkmForTicketAction, followers: { add: addTicketFollowerAction, remove: removeTicketFollowerAction }, relations: { findMergeTarget: findMergeTargetAction, merge: mergeTicketAction, link: linkTicketAction, unlink: unlinkTicketAction } }}
      />
    </ClientIntl>
  );
}
