import { useTranslations } from "next-intl";
import type { AttachmentView } from "@/lib/dal/tickets";

/** Files of a ticket or a message: raster images previewed, everything through the access-checked route. */
export function AttachmentList({ files }: { files: AttachmentView[] }) {
  const t = useTranslations("tickets");
  const ta = useTranslations("attachments");
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label={t("detail.attachments")}>
      {files.map((a) => (
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
}
