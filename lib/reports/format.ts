import type { PercentileEstimate } from "./histogram";

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** A duration for people: minutes under an hour, hours under two days, days beyond. t is the `reports` translator. */
export function formatDuration(t: Translate, p: PercentileEstimate): string {
  if (!p) return "—";
  const m = p.minutes;
  const one = (n: number) => (Math.round(n * 10) / 10).toLocaleString("id-ID");
  const text = m < 60 ? t("duration.minutes", { n: m }) : m < 2880 ? t("duration.hours", { n: one(m / 60) }) : t("duration.days", { n: one(m / 1440) });
  return p.atLeast ? t("duration.atLeast", { value: text }) : text;
}
