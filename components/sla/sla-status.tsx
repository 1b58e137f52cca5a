import { getTranslations } from "next-intl/server";
import { DUE_SOON_MINUTES } from "@/lib/dal/tickets";

export type SlaTone = "ok" | "soon" | "late" | "idle";

const TONE_CLASS: Record<SlaTone, string> = {
  ok: "border-green-300 bg-green-50 text-green-900",
  soon: "border-amber-300 bg-amber-50 text-amber-900",
  late: "border-red-300 bg-red-50 text-red-900",
  idle: "border-slate-300 bg-slate-50 text-slate-800",
};
// Never colour alone: each tone carries a sign and the words say it too.
const TONE_SIGN: Record<SlaTone, string> = { ok: "●", soon: "▲", late: "✖", idle: "❚❚" };

/** A service-level state in words and colour. */
export function SlaBadge({ text, tone, testId }: { text: string; tone: SlaTone; testId?: string }) {
  return (
    <span data-testid={testId} data-tone={tone} className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASS[tone]}`}>
      <span aria-hidden="true">{TONE_SIGN[tone]}</span>
      {text}
    </span>
  );
}

/** "3 jam 20 menit" / "45 menit" / "12 jam" in the user's language. */
export async function getSlaWords() {
  const t = await getTranslations("sla");
  const duration = (minutes: number) => {
    const m = Math.abs(Math.round(minutes));
    if (m < 60) return t("minutes", { count: m });
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest && h < 10 ? t("hoursMinutes", { hours: h, minutes: rest }) : t("hours", { count: h });
  };
  /**
   * Working minutes left (negative: late) as words and a tone. `pastDue`: the due time has passed on
   * the wall clock; outside working hours that can be before any working minute is late (Friday
   * 16:30 due, Saturday now).
   */
  const left = (minutes: number, pastDue: boolean): { text: string; tone: SlaTone } => {
    if (minutes < 0) return { text: t("late", { time: duration(minutes) }), tone: "late" };
    if (pastDue) return { text: t("pastDue"), tone: "late" };
    return { text: t("left", { time: duration(minutes) }), tone: minutes <= DUE_SOON_MINUTES ? "soon" : "ok" };
  };
  return { t, duration, left };
}
