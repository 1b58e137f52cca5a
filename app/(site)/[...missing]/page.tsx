import { notFound } from "next/navigation";

/**
 * Any address no route answers: the site's "not found" page inside the site's layout (the root layout
 * lives in the (site) group, so Next has no top-level not-found of its own to show).
 */
export default function Missing(): never {
  notFound();
}
