import path from "node:path";

/** Folder for everything the app keeps on disk: embedded database, generated secret, uploads. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.HELPDESK_DATA_DIR || "data");
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(dataDir(), "pglite"));
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}
