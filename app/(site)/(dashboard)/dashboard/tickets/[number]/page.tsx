import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";
import { listActiveDepartments } from "@/lib/dal/departments";
import { getTicketOrThrow, listAssignableStaff, TicketNotFoundError } from "@/lib/dal/tickets";
import { TicketConversation } from "@/components/tickets/ticket-conversation";
import { TicketSidebar } from "@/components/tickets/ticket-sidebar";
import { rateTicketAction, replyToTicketAction, updateTicketAction } from "../actions";

type Params = Promise<{ number: string }>;

async function load(number: string) {
  const user = await requirePageUser("/dashboard/tickets");
  try {
    return { user, ticket: await getTicketOrThrow(user, decodeURIComponent(number)) };
  } catch (error) {
    if (error instanceof TicketNotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number).slice(0, 40) };
}

export default async function TicketPage({ params }: { params: Params }) {
  const { user, ticket } = await load((await params).number);
  const [settings, departments, assignable] = await Promise.all([
    getSettings("ticket"),
    ticket.can.work ? listActiveDepartments() : Promise.resolve([]),
    listAssignableStaff(user, ticket.departmentId),
  ]);
  const limits = { allowedExtensions: settings.allowedExtensions, maxFileSizeMb: settings.maxFileSizeMb, maxFilesPerMessage: settings.maxFilesPerMessage };
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <TicketConversation ticket={ticket} limits={limits} replyAction={replyToTicketAction} />
      <TicketSidebar
        ticket={ticket}
        departments={departments.map((d) => ({ value: d.id, label: d.name }))}
        assignees={assignable.map((a) => ({ value: a.id, label: a.name }))}
        actions={{ update: updateTicketAction, rate: rateTicketAction }}
      />
    </div>
  );
}
