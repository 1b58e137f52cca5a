import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createUser } from "./factories";
import { testDb } from "./test-db";

/** Attachments of this test file go to a temp data folder, checked for leftovers by the tests. */
export function withTempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-data-"));
  process.env.HELPDESK_DATA_DIR = dir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A data folder three levels inside a temp folder of its own (`sandbox`): a write that climbed out of
 * the data folder with `../` would still land in the sandbox, where the test can list it.
 */
export function withSandboxedDataDir(): { dataDir: string; sandbox: string } {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-sandbox-"));
  const dataDir = path.join(sandbox, "a", "b", "data");
  fs.mkdirSync(dataDir, { recursive: true });
  process.env.HELPDESK_DATA_DIR = dataDir;
  afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));
  return { dataDir, sandbox };
}

/** Every file under `dir`, at any depth (absolute paths). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

/** Every stored attachment file under the data folder. */
export function storedFiles(dataDir: string): string[] {
  return filesUnder(path.join(dataDir, "attachments"));
}

export const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f2a8d20000000049454e44ae426082", "hex");
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export function file(name: string, content: Buffer | string, type = "application/octet-stream"): File {
  return new File([typeof content === "string" ? content : new Uint8Array(content)], name, { type });
}

export async function createDepartment(name = `Dept ${randomBytes(3).toString("hex")}`) {
  return testDb().department.create({ data: { name } });
}

export async function createAgency(name = `OPD ${randomBytes(3).toString("hex")}`) {
  return testDb().agency.create({ data: { name } });
}

/** A small world: two departments, two OPDs, clients, staff and managers. */
export async function createWorld() {
  const [deptA, deptB] = [await createDepartment("Jaringan " + randomBytes(2).toString("hex")), await createDepartment("Website " + randomBytes(2).toString("hex"))];
  const [opdA, opdB] = [await createAgency(), await createAgency()];
  const client = await createUser({ role: "CLIENT", agencyId: opdA.id, name: "Client Satu" });
  const otherClient = await createUser({ role: "CLIENT", agencyId: opdB.id, name: "Client Dua" });
  const staffA = await createUser({ role: "STAFF", departmentId: deptA.id, name: "Staff A" });
  const staffA2 = await createUser({ role: "STAFF", departmentId: deptA.id, name: "Staff A2" });
  const staffB = await createUser({ role: "STAFF", departmentId: deptB.id, name: "Staff B" });
  const admin = await createUser({ role: "ADMIN", name: "Admin" });
  const superAdmin = await createUser({ role: "SUPER_ADMIN", name: "Super Admin" });
  return { deptA, deptB, opdA, opdB, client, otherClient, staffA, staffA2, staffB, admin, superAdmin };
}

export function ticketForm(fields: Record<string, string | undefined>, files: File[] = []): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  for (const f of files) fd.append("attachments", f);
  return fd;
}
