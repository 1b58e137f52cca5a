import { searchPublishedFaqs } from "@/lib/dal/faq";

const SUGGEST_LIMIT = 5;

/** GET /api/faq/suggest?q=… → [{ id, subject, department }] of published FAQs, for the ticket form. */
export async function GET(req: Request) {
  const q = (new URL(req.url).searchParams.get("q") ?? "").slice(0, 200);
  const rows = q.trim().length < 2 ? [] : await searchPublishedFaqs(q, SUGGEST_LIMIT);
  return Response.json(
    rows.map(({ id, subject, department }) => ({ id, subject, department })),
    { headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );
}
