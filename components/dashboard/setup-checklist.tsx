import Link from "next/link";
import type { SetupStep } from "@/lib/dal/setup";

type Labels = { title: string; intro: string; progress: string; done: string; todo: string; steps: Record<SetupStep["key"], string>; pending: Partial<Record<SetupStep["key"], string>> };

/** The Super Admin's first-run list: each step linked, ticked when the data says it is done. */
export function SetupChecklist({ steps, labels }: { steps: SetupStep[]; labels: Labels }) {
  return (
    <section aria-labelledby="setup-title" className="rounded-lg border border-brand-600 bg-white p-5" data-testid="setup-checklist">
      <h2 id="setup-title" className="text-xl font-bold">
        {labels.title}
      </h2>
      <p className="mt-1 text-slate-700">{labels.intro}</p>
      <p className="mt-1 text-sm font-medium text-slate-800">{labels.progress}</p>
      <ol className="mt-3 space-y-2">
        {steps.map((s) => (
          <li key={s.key} className="flex items-start gap-2">
            <span aria-hidden="true" className={`mt-0.5 inline-block w-5 text-center font-bold ${s.done ? "text-green-700" : "text-slate-500"}`}>
              {s.done ? "✓" : "○"}
            </span>
            <span>
              <Link href={s.href} className="text-brand-800 underline">
                {labels.steps[s.key]}
              </Link>{" "}
              <span className={`text-sm ${s.done ? "text-green-800" : "text-slate-700"}`}>
                ({s.done ? labels.done : labels.todo}
                {s.done === null && labels.pending[s.key] ? `: ${labels.pending[s.key]}` : ""})
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
