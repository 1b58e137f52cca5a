import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { actAs } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PDF, PNG, storedFiles, ticketForm, withTempDataDir } from "./helpers/tickets";

/**
 * A local stand-in for UploadThing's ingest, file and API hosts: the real `uploadthing` SDK is
 * pointed at it through UPLOADTHING_INGEST_URL / UPLOADTHING_API_URL / UPLOADTHING_UFS_HOST.
 */
const dataDir = withTempDataDir();
const files = new Map<string, { name: string; type: string; data: Buffer }>();
const requests: string[] = [];
let server: http.Server;
let w: Awaited<ReturnType<typeof createWorld>>;
const APP_ID = "helpdesk-test";
const API_KEY = "sk_test_standin_0123456789";

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, "http://localhost");
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === "PUT") {
      // ingest: multipart body with one "file" part; the URL must be signed
      if (!url.searchParams.get("signature")) return void res.writeHead(403).end();
      const form = await new Request("http://x", { method: "PUT", headers: { "content-type": req.headers["content-type"]! }, body }).formData();
      const f = form.get("file") as File;
      const key = url.pathname.slice(1);
      files.set(key, { name: url.searchParams.get("x-ut-file-name") ?? f.name, type: url.searchParams.get("x-ut-file-type") ?? f.type, data: Buffer.from(await f.arrayBuffer()) });
      const ufsUrl = `http://localhost:${(server.address() as AddressInfo).port}/a/${APP_ID}/${key}`;
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "x" }));
    }
    if (req.method === "GET" && url.pathname.startsWith(`/a/${APP_ID}/`)) {
      const stored = files.get(url.pathname.split("/").pop()!);
      if (!stored || !url.searchParams.get("signature")) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": stored.type });
      return void res.end(stored.data);
    }
    if (req.method === "POST" && url.pathname === "/v6/deleteFiles") {
      if (req.headers["x-uploadthing-api-key"] !== API_KEY) return void res.writeHead(401).end();
      const { fileKeys } = JSON.parse(body.toString()) as { fileKeys: string[] };
      for (const k of fileKeys) files.delete(k);
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ success: true, deletedCount: fileKeys.length }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  process.env.UPLOADTHING_TOKEN = Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: APP_ID, regions: ["sea1"] })).toString("base64");
  process.env.UPLOADTHING_INGEST_URL = `http://127.0.0.1:${port}`;
  process.env.UPLOADTHING_API_URL = `http://127.0.0.1:${port}`;
  process.env.UPLOADTHING_UFS_HOST = `localhost:${port}`;
  process.env.UPLOADTHING_UFS_APP_ID_LOCATION = "path";
  w = await createWorld();
});

afterAll(async () => {
  for (const k of ["UPLOADTHING_TOKEN", "UPLOADTHING_INGEST_URL", "UPLOADTHING_API_URL", "UPLOADTHING_UFS_HOST", "UPLOADTHING_UFS_APP_ID_LOCATION"]) delete process.env[k];
  await new Promise((resolve) => server.close(resolve));
});

it("with UPLOADTHING_TOKEN set, attachments go to UploadThing (not the disk) and download through the access-checked route", async () => {
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Lampiran ke UploadThing", description: "x" }, [file("bukti.png", PNG), file("surat.pdf", PDF)]));
  expect(r.ok).toBe(true);
  const rows = await testDb().attachment.findMany({ where: { ticket: { number: r.ok ? r.data.number : "" } }, orderBy: { fileName: "asc" } });
  expect(rows.map((a) => a.driver)).toEqual(["uploadthing", "uploadthing"]);
  expect(rows.map((a) => files.get(a.storageKey)?.name).sort()).toEqual(["bukti.png", "surat.pdf"]);
  expect(storedFiles(dataDir)).toEqual([]);

  const png = rows.find((a) => a.fileName === "bukti.png")!;
  const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${png.id}`), { params: Promise.resolve({ id: png.id }) });
  expect(res.status).toBe(200);
  expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

  await actAs(w.otherClient);
  const denied = await downloadAttachment(new Request(`http://localhost/api/attachments/${png.id}`), { params: Promise.resolve({ id: png.id }) });
  expect(denied.status).toBe(404);
});

it("when the save fails after uploading, the uploaded files are deleted from UploadThing again", async () => {
  await actAs(w.client);
  const before = files.size;
  // A real refusal by the database: a check constraint this test adds for the duration.
  await testDb().$executeRawUnsafe(`ALTER TABLE "Ticket" ADD CONSTRAINT "test_refuse_ut" CHECK ("description" <> 'ditolak basis data')`);
  try {
    const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "gagal", description: "ditolak basis data" }, [file("a.png", PNG)]));
    expect(r.ok).toBe(false);
  } finally {
    await testDb().$executeRawUnsafe(`ALTER TABLE "Ticket" DROP CONSTRAINT "test_refuse_ut"`);
  }
  expect(requests).toContain("POST /v6/deleteFiles");
  expect(files.size).toBe(before);
});
