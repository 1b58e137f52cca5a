/**
 * RFC 6266 Content-Disposition: an ASCII fallback `filename` (quotes, backslashes, control and
 * non-ASCII characters replaced) and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
