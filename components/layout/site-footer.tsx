import { getTranslations } from "next-intl/server";
import type { FooterSettings } from "@/lib/validation/settings";

/** Public footer: the organisation from General settings and the text and links from Footer settings. */
export async function SiteFooter({ organisation, footer }: { organisation: string; footer: FooterSettings }) {
  const t = await getTranslations("footer");
  const safeLinks = footer.links.filter((l) => /^(https?:\/\/|\/)/i.test(l.url));
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-sm text-slate-600">
        {footer.text && (
          <p className="whitespace-pre-line" data-testid="footer-text">
            {footer.text}
          </p>
        )}
        {safeLinks.length > 0 && (
          <nav aria-label={t("links")}>
            <ul className="flex flex-wrap gap-4">
              {safeLinks.map((l) => (
                <li key={`${l.label}-${l.url}`}>
                  <a href={l.url} className="text-brand-700 underline" rel="noopener noreferrer">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <p>
          © {new Date().getFullYear()} {organisation}
        </p>
      </div>
    </footer>
  );
}
