/** The numbers behind a created/resolved trend chart, as an accessible table (the chart is hidden from screen readers). */
export function TrendTable({
  rows,
  caption,
  captionId,
  labels,
  className = "min-w-full text-sm",
}: {
  rows: { period: string; created: number; resolved: number }[];
  caption: string;
  captionId?: string;
  labels: { period: string; created: string; resolved: string };
  className?: string;
}) {
  const num = (n: number) => n.toLocaleString("id-ID");
  return (
    <table className={className}>
      <caption id={captionId} className="sr-only">{caption}</caption>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className="px-2 py-1.5 text-left">{labels.period}</th>
          <th scope="col" className="px-2 py-1.5 text-right">{labels.created}</th>
          <th scope="col" className="px-2 py-1.5 text-right">{labels.resolved}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.period}>
            <th scope="row" className="px-2 py-1 text-left font-normal">{p.period}</th>
            <td className="px-2 py-1.5 text-right tabular-nums">{num(p.created)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{num(p.resolved)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
