import "server-only";
import { Readable } from "node:stream";
import { UTApi, UTFile } from "uploadthing/server";
import type { AttachmentStorage } from "./index";

let api: UTApi | undefined;
let apiToken: string | undefined;

/**
 * UploadThing through its server SDK. The SDK reads UPLOADTHING_TOKEN and, when set,
 * UPLOADTHING_API_URL / UPLOADTHING_INGEST_URL / UPLOADTHING_UFS_HOST (a test points them at a
 * local stand-in). Files are private to us: reads go through a short-lived signed URL.
 */
export function uploadThingStorage(): AttachmentStorage {
  const token = process.env.UPLOADTHING_TOKEN;
  if (!api || apiToken !== token) {
    api = new UTApi({ token, logLevel: "Error" });
    apiToken = token;
  }
  const ut = api;
  return {
    driver: "uploadthing",
    async put(data, meta) {
      const file = new UTFile([new Uint8Array(data)], meta.fileName, { type: meta.contentType });
      const result = await ut.uploadFiles(file, { contentDisposition: "attachment" });
      if (result.error || !result.data) throw new Error(`UploadThing upload failed: ${result.error?.message ?? "no data"}`);
      return result.data.key;
    },
    async get(key) {
      const { ufsUrl } = await ut.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetch(ufsUrl);
      if (!response.ok || !response.body) throw new Error(`UploadThing download failed (${response.status})`);
      return Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
    },
    async delete(key) {
      await ut.deleteFiles(key);
    },
  };
}
