import type { SlaTone } from "@/lib/sla/words";

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
