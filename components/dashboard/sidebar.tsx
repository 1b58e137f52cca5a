import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { menusFor } from "@/lib/auth/routes";
import { Suspense } from "react";
import { SavedFiltersNav } from "@/components/saved-filters/saved-filters-nav";

export function Sidebar({ role }: { role: Role }) {
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("mainMenu")} className="md:w-56">
      <ul className="flex gap-1 max-md:-mx-4 max-md:overflow-x-auto max-md:px-4 max-md:whitespace-nowrap md:flex-col">
        {menusFor(role).map((item) => (
          <li key={item.path}>
            <Link
              href={item.path}
              data-menu={item.menu}
              className="block rounded px-3 py-2 text-sm font-medium text-slate-800 hover:bg-brand-50 hover:text-brand-800"
            >
              {t(item.menu)}
            </Link>
          </li>
        ))}
      </ul>
      {/* On a phone the list page's own "Filter saya" control serves; the menu stays one row. */}
      <div className="max-md:hidden">
        <Suspense>
          <SavedFiltersNav />
        </Suspense>
      </div>
    </nav>
  );
}
