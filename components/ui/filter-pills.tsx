import Link from "next/link";

/** A row of links that filter a list by one value ("Semua", "Baru", "Ditangani"…); the current one is marked. */
export function FilterPills<V extends string>({
  label,
  options,
  current,
  hrefFor,
  className = "flex gap-2",
}: {
  label: string;
  options: { value: V | undefined; label: string }[];
  current: V | undefined;
  hrefFor: (value: V | undefined) => string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      {options.map((o) => (
        <Link
          key={o.value ?? "all"}
          href={hrefFor(o.value)}
          aria-current={o.value === current ? "page" : undefined}
          className={`rounded px-3 py-1.5 text-sm font-medium ${o.value === current ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
