"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { ticketListFiltersOf, ticketListQuery } from "@/lib/validation/tickets";
import { useSavedFilters } from "./store";

/** "Filter saya" in the dashboard menu: each saved filter as a link to its list, with its count. */
export function SavedFiltersNav() {
  const t = useTranslations("savedFilters");
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useSavedFilters(pathname);
  const current = pathname === "/dashboard/tickets" ? ticketListQuery({ ...ticketListFiltersOf(params), page: undefined }) : null;
  return (
    <section aria-labelledby="saved-filters-title" className="mt-4" data-testid="saved-filters-nav">
      <h2 id="saved-filters-title" className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {t("title")}
      </h2>
      {filters && filters.length === 0 ? <p className="px-3 py-1 text-xs text-slate-600">{t("empty")}</p> : null}
      <ul className="mt-1">
        {(filters ?? []).map((f) => (
          <li key={f.id}>
            <Link
              href={`/dashboard/tickets?${f.query}`}
              prefetch={false}
              aria-current={current === f.query ? "page" : undefined}
              className={`flex items-center justify-between gap-2 rounded px-3 py-1.5 text-sm hover:bg-brand-50 ${current === f.query ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-800"}`}
            >
              <span className="truncate">{f.name}</span>
              <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-700" data-testid="saved-filter-count">
                <span aria-hidden="true">{f.more ? `${f.count}+` : f.count}</span>
                <span className="sr-only">{t(f.more ? "countMore" : "count", { count: f.count })}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
