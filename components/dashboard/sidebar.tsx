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
      <ul className="flex flex-wrap gap-1 md:flex-col">
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
      <Suspense>
        <SavedFiltersNav />
      </Suspense>
    </nav>
  );
}
