import { DUE_SOON_MINUTES } from "./defaults";

/** How a service-level state is coloured and signed: on time, due soon, late, or paused/none. */
export type SlaTone = "ok" | "soon" | "late" | "idle";
/** A service-level state as the user reads it. */
export type SlaText = { text: string; tone: SlaTone };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * "3 jam 20 menit" / "45 menit" / "12 jam", and a due time's state in words and a tone, from the
 * `sla` messages of one language (`t` takes keys inside that namespace).
 */
export function slaWords(t: Translate) {
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
  const left = (minutes: number, pastDue: boolean): SlaText => {
    if (minutes < 0) return { text: t("late", { time: duration(minutes) }), tone: "late" };
    if (pastDue) return { text: t("pastDue"), tone: "late" };
    return { text: t("left", { time: duration(minutes) }), tone: minutes <= DUE_SOON_MINUTES ? "soon" : "ok" };
  };
  /**
   * A list row's running clock: the state first ("Tepat waktu · sisa 3 jam kerja", "Segera jatuh tempo ·
   * sisa 45 menit kerja"), so the state reads the same on every list; a late one already says so.
   */
  const rowLeft = (minutes: number, pastDue: boolean): SlaText => {
    const s = left(minutes, pastDue);
    return s.tone === "late" ? s : { ...s, text: `${t(`state.${s.tone}`)} · ${s.text}` };
  };
  return { t, duration, left, rowLeft };
}
