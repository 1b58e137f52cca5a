import Link from "next/link";

/** One number of a dashboard, linking to the list it counts. `null`: not available yet (with the reason). */
export function StatCard({ label, value, href, note, testId }: { label: string; value: string | number | null; href?: string; note?: string; testId?: string }) {
  const body = (
    <>
      <span className="block text-sm text-slate-700">{label}</span>
      <span className="mt-1 block text-2xl font-bold text-slate-900">{value ?? "—"}</span>
      {note ? <span className="mt-1 block text-xs text-slate-600">{note}</span> : null}
    </>
  );
  const box = "block rounded-lg border border-slate-200 bg-white p-4";
  return href && value !== null ? (
    <Link href={href} className={`${box} hover:border-brand-600 hover:bg-brand-50`} data-testid={testId}>
      {body}
    </Link>
  ) : (
    <div className={box} data-testid={testId}>
      {body}
    </div>
  );
}
