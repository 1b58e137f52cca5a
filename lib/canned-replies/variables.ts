// The variables of a canned reply (Balasan cepat). Pure and browser-safe: the admin editor warns with
// it as the admin types, the DAL fills a reply with it for one ticket.

/** The names an admin may write as {{name}}, in the order the editor lists them. */
export const CANNED_VARIABLES = ["nama_klien", "nomor_tiket", "nama_petugas", "departemen", "batas_waktu"] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

// {{ name }}: spaces inside the braces are forgiven; anything else in braces is not a variable name.
const VARIABLE = /\{\{\s*([^{}\s]*)\s*\}\}/g;

const isKnown = (name: string): name is CannedVariable => (CANNED_VARIABLES as readonly string[]).includes(name);

/** The {{…}} names in a text that are not variables (each once, as typed): the editor's warning. */
export function unknownVariables(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(VARIABLE)) if (!isKnown(m[1]!.toLowerCase())) found.add(m[0]);
  return [...found];
}

/** The text with every known variable filled; an unknown one stays exactly as typed. */
export function fillVariables(body: string, values: Record<CannedVariable, string>): string {
  return body.replace(VARIABLE, (whole, name: string) => {
    const key = name.toLowerCase();
    return isKnown(key) ? values[key] : whole;
  });
}
