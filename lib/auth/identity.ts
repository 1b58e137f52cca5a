/**
 * Usernames and e-mails are stored and compared in this form: NFKC folds compatibility
 * look-alikes (full-width "ａdmin" → "admin"), then lower case.
 */
export function normalizeIdentifier(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}
