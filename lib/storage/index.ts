import "server-only";
import { Readable } from "node:stream";
import { localDiskStorage } from "./local";
import { uploadThingStorage } from "./uploadthing";

/** Where attachment bytes live. The database keeps only `driver` + `key` (see Attachment). */
export interface AttachmentStorage {
  readonly driver: "local" | "uploadthing";
  /** Stores the bytes under a new random key and returns it. */
  put(data: Buffer, meta: { fileName: string; contentType: string }): Promise<string>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

/** UploadThing when UPLOADTHING_TOKEN is set, otherwise files under dataDir()/attachments. */
export function attachmentStorage(): AttachmentStorage {
  return process.env.UPLOADTHING_TOKEN ? uploadThingStorage() : localDiskStorage();
}

/** The driver a stored file was written with (a deployment may have switched since). */
export function storageFor(driver: string): AttachmentStorage {
  if (driver === "uploadthing") return uploadThingStorage();
  if (driver === "local") return localDiskStorage();
  throw new Error(`Unknown storage driver ${driver}`);
}
