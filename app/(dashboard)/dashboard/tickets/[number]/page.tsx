import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";
import { getTicketOrThrow, listActiveDepartments, listAssignableStaff, TicketNotFoundError, type AttachmentView } from "@/lib/dal/tickets";
import { ReplyForm } from "@/components/tickets/reply-form";
import { RatingForm, TicketManageForm, TicketStatusButtons } from "@/components/tickets/ticket-controls";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validation/tickets";
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
  const staffSide = user.role !== "CLIENT";
  const [t, ta, when, settings, departments, assignable] = await Promise.all([
    getTranslations("tickets"),
    getTranslations("attachments"),
    getDateTimeFormatter(),
    getSettings("ticket"),
    staffSide ? listActiveDepartments() : Promise.resolve([]),
    listAssignableStaff(user, ticket.departmentId),
  ]);
  const limits = { allowedExtensions: settings.allowedExtensions, maxFileSizeMb: settings.maxFileSizeMb, maxFilesPerMessage: settings.maxFilesPerMessage };

  const files = (list: AttachmentView[]) =>
    list.length > 0 && (
      <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label={t("detail.attachments")}>
        {list.map((a) => (
          <li key={a.id} className="rounded border border-slate-200 p-2">
            {a.previewable && (
              // Raster images only, served by the access-checked route with nosniff.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/api/attachments/${a.id}?inline=1`} alt={ta("preview", { name: a.fileName })} className="mb-1 max-h-32 max-w-48 object-contain" />
            )}
            <a href={`/api/attachments/${a.id}`} download className="text-brand-700 underline" aria-label={ta("download", { name: a.fileName })}>
              {a.fileName}
            </a>{" "}
            <span className="text-xs text-slate-600">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
          </li>
        ))}
      </ul>
    );

  const activityText = (a: (typeof ticket.activities)[number]) => {
    const label = (value: string | null, text: string | null) => {
      if (!value) return "—";
      if (a.field === "status") return t(`status.${value}` as "status.OPEN");
      if (a.field === "priority") return t(`priority.${value}` as "priority.LOW");
      return text ?? "—";
    };
    if (a.field === "assignee" && !a.toValue) return t("activity.unassigned");
    if (["created", "status", "priority", "department", "assignee", "rating"].includes(a.field)) {
      return t(`activity.${a.field}` as "activity.status", { from: label(a.fromValue, a.fromLabel), to: label(a.toValue, a.toLabel) });
    }
    return a.field;
  };

  const clientButtons: { status: string; label: string }[] = [];
  if (!staffSide && ticket.isOwnTicket) {
    if (["OPEN", "IN_PROGRESS", "WAITING"].includes(ticket.status)) clientButtons.push({ status: "RESOLVED", label: t("detail.markResolved") });
    if (settings.clientsMayClose && ticket.status !== "CLOSED") clientButtons.push({ status: "CLOSED", label: t("detail.close") });
    if (settings.clientsMayReopen && (ticket.status === "RESOLVED" || ticket.status === "CLOSED")) clientButtons.push({ status: "OPEN", label: t("detail.reopen") });
  }
  const canReply = staffSide || ticket.status !== "CLOSED";

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <article className="space-y-4">
        <header className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="font-mono text-sm text-slate-600">{ticket.number}</p>
          <h1 className="text-2xl font-bold break-words">{ticket.subject}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {t("detail.openedBy", { name: ticket.createdBy.name, date: when(ticket.createdAt) })}
            {ticket.createdBy.name !== ticket.client.name && <> · {t("detail.onBehalf", { name: ticket.client.name })}</>}
          </p>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <div><dt className="text-slate-600">{t("fields.status")}</dt><dd data-testid="ticket-status">{t(`status.${ticket.status}`)}</dd></div>
            <div><dt className="text-slate-600">{t("fields.priority")}</dt><dd>{t(`priority.${ticket.priority}`)}</dd></div>
            <div><dt className="text-slate-600">{t("fields.department")}</dt><dd>{ticket.department.name}</dd></div>
            <div><dt className="text-slate-600">{t("fields.assignee")}</dt><dd>{ticket.assignee?.name ?? t("fields.unassigned")}</dd></div>
          </dl>
          {staffSide && ticket.suggestedPriority && (
            <p className="mt-2 text-xs text-slate-600">{t("detail.suggestedPriority", { priority: t(`priority.${ticket.suggestedPriority}`) })}</p>
          )}
          {/* Plain text with preserved line breaks: never HTML. */}
          <div className="mt-4 whitespace-pre-wrap break-words" data-testid="ticket-description">{ticket.description}</div>
          {files(ticket.attachments)}
        </header>

        <section aria-labelledby="conversation" className="space-y-3">
          <h2 id="conversation" className="text-lg font-semibold">{t("detail.conversation")}</h2>
          {ticket.messages.length === 0 && <p className="text-slate-600">{t("detail.noMessages")}</p>}
          <ol className="space-y-3">
            {ticket.messages.map((m) => (
              <li key={m.id} data-testid={m.internal ? "internal-note" : "reply"} className={`rounded-lg border p-4 ${m.internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
                <p className="text-sm">
                  <span className="font-semibold">{m.author.name}</span>{" "}
                  <span className="text-slate-600">· {m.author.role === "CLIENT" ? t("detail.clientLabel") : t("detail.staffLabel")} · {when(m.createdAt)}</span>
                  {m.internal && <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs">{t("detail.internal")}</span>}
                </p>
                <div className="mt-2 whitespace-pre-wrap break-words">{m.body}</div>
                {files(m.attachments)}
              </li>
            ))}
          </ol>
          {canReply ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <ReplyForm
                ticketId={ticket.id}
                limits={limits}
                allowInternal={staffSide}
                action={replyToTicketAction}
                copy={{ reply: t("detail.reply"), placeholder: t("detail.replyPlaceholder"), internalNote: t("detail.internalNote"), attachments: t("fields.attachments"), send: t("detail.send"), sending: t("detail.sending") }}
              />
            </div>
          ) : (
            <p className="text-slate-700">{t("detail.closedNotice")}</p>
          )}
        </section>
      </article>

      <aside className="space-y-4">
        {staffSide && (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <TicketManageForm
              ticketId={ticket.id}
              current={{ status: ticket.status, priority: ticket.priority, departmentId: ticket.departmentId, assigneeId: ticket.assigneeId ?? "" }}
              statuses={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              priorities={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              departments={departments.map((d) => ({ value: d.id, label: d.name }))}
              assignees={assignable.map((a) => ({ value: a.id, label: a.name }))}
              action={updateTicketAction}
              copy={{ title: t("detail.manage"), status: t("fields.status"), priority: t("fields.priority"), department: t("fields.department"), assignee: t("fields.assignee"), unassigned: t("fields.unassigned"), save: t("detail.save"), saving: t("detail.saving"), saved: t("detail.saved") }}
            />
          </div>
        )}
        {clientButtons.length > 0 && (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <TicketStatusButtons ticketId={ticket.id} buttons={clientButtons} action={updateTicketAction} />
          </div>
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("detail.rating")}</h2>
          {ticket.rating ? (
            <div className="mt-1 text-sm" data-testid="ticket-rating">
              <p>{t("detail.ratedWith", { rating: ticket.rating })} {"★".repeat(ticket.rating)}</p>
              {ticket.ratingComment && <p className="mt-1 whitespace-pre-wrap">{ticket.ratingComment}</p>}
            </div>
          ) : ticket.isOwnTicket && (ticket.status === "RESOLVED" || ticket.status === "CLOSED") ? (
            <RatingForm
              ticketId={ticket.id}
              action={rateTicketAction}
              copy={{ title: t("detail.rating"), comment: t("detail.ratingComment"), submit: t("detail.rate"), stars: [1, 2, 3, 4, 5].map((n) => t("detail.ratingStars", { rating: n })) }}
            />
          ) : (
            <p className="text-sm text-slate-600">—</p>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("detail.history")}</h2>
          <ol className="mt-2 space-y-2 text-sm" data-testid="ticket-history">
            {ticket.activities.map((a) => (
              <li key={a.id}>
                <span className="font-medium">{a.actor.name ?? t("activity.system")}</span> {activityText(a)}
                <span className="block text-xs text-slate-600">{when(a.createdAt)}</span>
              </li>
            ))}
          </ol>
        </div>
      </aside>
    </div>
  );
}
