/** A plain GET form: the search runs on the server and lands in the URL (`?q=`), page reset to 1. */
export function SearchBox({ q, placeholder, label, submit, hidden = {} }: { q: string; placeholder: string; label: string; submit: string; hidden?: Record<string, string> }) {
  return (
    <form method="get" role="search" className="flex flex-wrap gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="sr-only" htmlFor="list-search">
        {label}
      </label>
      <input
        id="list-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder={placeholder}
        maxLength={100}
        className="w-64 max-w-full rounded border border-slate-400 px-3 py-1.5 text-sm"
      />
      <button type="submit" className="rounded bg-slate-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
        {submit}
      </button>
    </form>
  );
}
