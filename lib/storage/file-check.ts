/**
 * Content check of an upload against its extension — a small magic-byte table of our own (no
 * dependency), covering exactly the extensions the ticket settings may allow. An extension not in
 * this table is refused even if an admin allows it, since we could not tell what it really is.
 */
type Signature = { offset?: number; bytes: number[] };

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP = [{ bytes: [0x50, 0x4b, 0x03, 0x04] }, { bytes: [0x50, 0x4b, 0x05, 0x06] }];
const OLE = [{ bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }];

const SIGNATURES: Record<string, { mime: string; any: Signature[] } | { mime: string; text: true }> = {
  pdf: { mime: "application/pdf", any: [{ bytes: ascii("%PDF-") }] },
  png: { mime: "image/png", any: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  jpg: { mime: "image/jpeg", any: [{ bytes: [0xff, 0xd8, 0xff] }] },
  jpeg: { mime: "image/jpeg", any: [{ bytes: [0xff, 0xd8, 0xff] }] },
  gif: { mime: "image/gif", any: [{ bytes: ascii("GIF87a") }, { bytes: ascii("GIF89a") }] },
  webp: { mime: "image/webp", any: [{ bytes: ascii("RIFF") }] }, // + "WEBP" at 8, checked below
  zip: { mime: "application/zip", any: ZIP },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", any: ZIP },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", any: ZIP },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", any: ZIP },
  doc: { mime: "application/msword", any: OLE },
  xls: { mime: "application/vnd.ms-excel", any: OLE },
  ppt: { mime: "application/vnd.ms-powerpoint", any: OLE },
  txt: { mime: "text/plain; charset=utf-8", text: true },
  csv: { mime: "text/csv; charset=utf-8", text: true },
};

export const RASTER_IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "webp"]);

/** Markup a browser could run if it ever sniffed the file: refused even inside .txt/.csv. */
const ACTIVE_CONTENT = /<\?php|<script|<html|<svg|<!doctype|<iframe|<\?xml/i;

function startsWith(buf: Uint8Array, sig: Signature): boolean {
  const offset = sig.offset ?? 0;
  if (buf.length < offset + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => buf[offset + i] === b);
}

/** The MIME type to store and serve, or null when the content does not match the extension. */
export function detectContentType(ext: string, head: Uint8Array): string | null {
  const entry = SIGNATURES[ext];
  if (!entry) return null;
  if ("text" in entry) {
    const sample = head.subarray(0, 64 * 1024);
    if (sample.includes(0)) return null;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(sample);
    } catch {
      return null;
    }
    return ACTIVE_CONTENT.test(text) ? null : entry.mime;
  }
  if (!entry.any.some((sig) => startsWith(head, sig))) return null;
  if (ext === "webp" && !startsWith(head, { offset: 8, bytes: ascii("WEBP") })) return null;
  return entry.mime;
}
