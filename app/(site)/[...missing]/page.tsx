import { notFound } from "next/navigation";

/**
 * Any address no route answers: the site's "not found" page inside the site's layout (the app has two
 * root layouts — the site and the static ticket-list shell — so there is no top-level not-found).
 */
export default function Missing(): never {
  notFound();
}
