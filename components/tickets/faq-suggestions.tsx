"use client";

import { useEffect, useState } from "react";

type FaqSuggestion = { id: string; subject: string; department?: string | null };

/**
 * Published FAQ questions like the subject being typed (300 ms after typing stops, 3+ characters);
 * quiet when offline or when the route answers nothing.
 */
export function FaqSuggestions({ subject, title }: { subject: string; title: string }) {
  const [suggestions, setSuggestions] = useState<{ q: string; items: FaqSuggestion[] }>({ q: "", items: [] });
  const query = subject.trim();
  useEffect(() => {
    if (query.length < 3) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/faq/suggest?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const data: unknown = res.ok ? await res.json() : [];
        setSuggestions({ q: query, items: Array.isArray(data) ? (data as FaqSuggestion[]).slice(0, 5) : [] });
      } catch {
        /* offline, aborted or not deployed yet: suggestions are optional */
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  const shownSuggestions = query.length >= 3 && suggestions.q === query ? suggestions.items : [];

  if (shownSuggestions.length === 0) return null;
  return (
    <div className="mt-2 rounded border border-brand-200 bg-brand-50 p-3 text-sm" aria-live="polite">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {shownSuggestions.map((s) => (
          <li key={s.id}>
            <a href={`/faq#faq-${encodeURIComponent(s.id)}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
              {s.subject}
            </a>
            {s.department ? <span className="text-slate-600"> · {s.department}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
