import ReactMarkdown from "react-markdown";

/**
 * Markdown written by users or admins, rendered on the server to React elements. react-markdown
 * never renders raw HTML (no rehype-raw), and link/image URLs pass its safe-protocol filter, so a
 * `<script>` or `javascript:` link shows as text or is dropped.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-helpdesk space-y-3 leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_h2]:text-xl [&_h2]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
