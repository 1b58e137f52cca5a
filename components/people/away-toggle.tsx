import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { ActionButton } from "@/components/ui/action-button";

/**
 * "Sedang tidak bertugas": what it means now, and the button that turns it over. In the profile for
 * oneself (Staff), in Staff edit for the person edited (Admins).
 */
export function AwayToggle({
  userId,
  name,
  away,
  self,
  action,
}: {
  userId: string;
  name: string;
  away: boolean;
  self: boolean;
  action: (input: unknown) => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("autoAssign");
  const state = self ? t(away ? "awayOn" : "awayOff") : t(away ? "staffAwayOn" : "staffAwayOff", { name });
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6" data-testid="away-toggle">
      <h2 className="text-lg font-semibold">{t("awayTitle")}</h2>
      <p className="text-sm text-slate-700">{state}</p>
      <ActionButton action={action} input={{ userId, away: !away }} label={t(away ? "markBack" : "markAway")} look="secondary" successText={t("saved")} />
    </div>
  );
}
