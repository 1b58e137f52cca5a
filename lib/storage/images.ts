import "server-only";
import { FILE_CSP } from "@/lib/security-headers";
import { UserFacingError } from "@/lib/errors";
import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { dataDir } from "@/lib/runtime-paths";
import { IMAGE_MAX_BYTES } from "@/lib/validation/users";

export type ImageFolder = "avatars" | "branding";

const ALLOWED_FORMATS = new Set(["png", "jpeg", "webp"]);
const STORED_NAME = /^[a-f0-9]{32}\.webp$/;

/**
 * Checks an uploaded image by its bytes (not its name or declared type), then re-encodes it to a
 * square webp, which also drops metadata and anything smuggled after the image data.
 */
export async function normalizeImage(file: File, options: { size: number; field: string }): Promise<Buffer> {
  if (file.size > IMAGE_MAX_BYTES) throw new UserFacingError("users.errors.imageTooLarge", { field: options.field });
  const input = Buffer.from(await file.arrayBuffer());
  try {
    const meta = await sharp(input, { limitInputPixels: 40_000_000 }).metadata();
    if (!meta.format || !ALLOWED_FORMATS.has(meta.format)) throw new Error("format");
    return await sharp(input, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(options.size, options.size, { fit: "cover" })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw new UserFacingError("users.errors.imageInvalid", { field: options.field });
  }
}

/** Writes under <data>/<folder>/ with a random name; returns the name to store in the database. */
export async function saveImage(folder: ImageFolder, data: Buffer): Promise<string> {
  const dir = path.join(dataDir(), folder);
  await fs.mkdir(dir, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.webp`;
  await fs.writeFile(path.join(dir, name), data);
  return name;
}

/** Reads a stored image; null when the name is not one of ours or the file is gone. */
export async function readImage(folder: ImageFolder, name: string | null | undefined): Promise<Buffer | null> {
  if (!name || !STORED_NAME.test(name)) return null;
  return fs.readFile(path.join(dataDir(), folder, name)).catch(() => null);
}

export async function removeImage(folder: ImageFolder, name: string | null | undefined): Promise<void> {
  if (!name || !STORED_NAME.test(name)) return;
  await fs.rm(path.join(dataDir(), folder, name), { force: true });
}

/** Headers of every answer of the image routes, errors included. */
export const FILE_HEADERS = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": FILE_CSP };

export function imageResponse(data: Buffer): Response {
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/webp",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
      "Content-Security-Policy": FILE_CSP,
    },
  });
}
