"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
      {label}
    </button>
  );
}
