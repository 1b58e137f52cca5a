import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "@/lib/runtime-paths";
import type { AttachmentStorage } from "./index";

export function attachmentsDir(): string {
  return path.join(dataDir(), "attachments");
}

/** Keys are 32 random hex characters: never a user-supplied name, so no path can escape the folder. */
function fileFor(key: string): string {
  if (!/^[a-f0-9]{32}$/.test(key)) throw new Error("Invalid storage key");
  return path.join(attachmentsDir(), key.slice(0, 2), key);
}

export function localDiskStorage(): AttachmentStorage {
  return {
    driver: "local",
    async put(data) {
      const key = randomBytes(16).toString("hex");
      const file = fileFor(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written under a temporary name first, so a half-written file is never taken for an attachment.
      const tmp = `${file}.tmp-${randomBytes(4).toString("hex")}`;
      try {
        await fs.promises.writeFile(tmp, data, { mode: 0o600, flag: "wx" });
        await fs.promises.rename(tmp, file);
      } catch (error) {
        await fs.promises.rm(tmp, { force: true });
        throw error;
      }
      return key;
    },
    async get(key) {
      const file = fileFor(key);
      await fs.promises.access(file);
      return fs.createReadStream(file);
    },
    async delete(key) {
      await fs.promises.rm(fileFor(key), { force: true });
    },
  };
}
