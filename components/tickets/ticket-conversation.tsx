import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { AttachmentList } from "./attachment-list";
import { ReplyForm, type ReplyAction } from "./reply-form";

/** The ticket itself, its messages and the reply form (what the user may do comes from ticket.can). */
export function TicketConversation({ view, replyAction, onChanged }: { view: TicketPageView; replyAction: ReplyAction; onChanged: () => Promise<void> }) {
  const t = useTranslations("tickets");
  const { ticket } = view;
  return (
    <article className="space-y-4">
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="font-mono text-sm text-slate-600">{ticket.number}</p>
        <h1 className="text-2xl font-bold break-words">{ticket.subject}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("detail.openedBy", { name: ticket.createdBy, date: ticket.created })}
          {ticket.createdById !== ticket.clientId && <> · {t("detail.onBehalf", { name: ticket.client })}</>}
          {ticket.agency && <> · {ticket.agency}</>}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-600">{t("fields.status")}</dt><dd data-testid="ticket-status">{t(`status.${ticket.status}`)}</dd></div>
          <div><dt className="text-slate-600">{t("fields.priority")}</dt><dd>{t(`priority.${ticket.priority}`)}</dd></div>
          <div><dt className="text-slate-600">{t("fields.department")}</dt><dd>{ticket.department}</dd></div>
          <div><dt className="text-slate-600">{t("fields.assignee")}</dt><dd>{ticket.assignee ?? t("fields.unassigned")}</dd></div>
        </dl>
        {ticket.can.work && ticket.suggestedPriority && (
          <p className="mt-2 text-xs text-slate-600">{t("detail.suggestedPriority", { priority: t(`priority.${ticket.suggestedPriority}`) })}</p>
        )}
        {/* Plain text with preserved line breaks: never HTML. */}
        <div className="mt-4 whitespace-pre-wrap break-words" data-testid="ticket-description">{ticket.description}</div>
        <AttachmentList files={ticket.attachments} />
      </header>

      <section aria-labelledby="conversation" className="space-y-3">
        <h2 id="conversation" className="text-lg font-semibold">{t("detail.conversation")}</h2>
        {ticket.messages.length === 0 && <p className="text-slate-600">{t("detail.noMessages")}</p>}
        <ol className="space-y-3">
          {ticket.messages.map((m) => (
            <li key={m.id} data-testid={m.internal ? "internal-note" : "reply"} className={`rounded-lg border p-4 ${m.internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
              <p className="text-sm">
                <span className="font-semibold">{m.author}</span>{" "}
                <span className="text-slate-600">· {m.authorRole === "CLIENT" ? t("detail.clientLabel") : t("detail.staffLabel")} · {m.when}</span>
                {m.internal && <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs">{t("detail.internal")}</span>}
              </p>
              <div className="mt-2 whitespace-pre-wrap break-words">{m.body}</div>
              <AttachmentList files={m.attachments} />
            </li>
          ))}
        </ol>
        {ticket.can.reply ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <ReplyForm
              ticketId={ticket.id}
              limits={view.limits}
              allowInternal={ticket.can.work}
              action={replyAction}
              onSent={onChanged}
              copy={{ reply: t("detail.reply"), placeholder: t("detail.replyPlaceholder"), internalNote: t("detail.internalNote"), attachments: t("fields.attachments"), send: t("detail.send"), sending: t("detail.sending") }}
            />
          </div>
        ) : (
          <p className="text-slate-700">{t("detail.closedNotice")}</p>
        )}
      </section>
    </article>
  );
}
