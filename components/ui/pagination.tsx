import Link from "next/link";
import { useTranslations } from "next-intl";

/** Server-side pagination links that keep the other query parameters (search, filters). */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = useTranslations("ui");
  // Raw templates filled here: the numbers stay as typed (no locale grouping), as before.
  const copy = { previous: t("previous"), next: t("next"), pageOf: t.raw("pageOf") as string, total: t.raw("total") as string, label: t("pagination") };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const fill = (text: string) => text.replace("{page}", String(Math.min(page, pages))).replace("{pages}", String(pages)).replace("{total}", String(total));
  const linkClass = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100";
  return (
    <nav aria-label={copy.label} className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <span>
        {fill(copy.pageOf)} · {fill(copy.total)}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={linkClass} rel="prev">
            {copy.previous}
          </Link>
        )}
        {page < pages && (
          <Link href={href(page + 1)} className={linkClass} rel="next">
            {copy.next}
          </Link>
        )}
      </span>
    </nav>
  );
}
