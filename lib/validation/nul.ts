/**
 * The path ("" for the top) of the first string containing a NUL character, or null. PostgreSQL
 * refuses NUL in text, so actions and JSON routes check their input with this before parsing it.
 */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return path.join(".");
      const found = findNul(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
