import { convertContactToTicketAction } from "@/app/(site)/(dashboard)/dashboard/inbox/actions";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

let departmentId: string;
let agencyId: string;
beforeAll(async () => {
  departmentId = (await testDb().department.create({ data: { name: "Website" } })).id;
  agencyId = (await testDb().agency.create({ data: { name: "Dinas Kesehatan" } })).id;
});

const message = (email: string) =>
  testDb().contactMessage.create({
    data: { name: "Rina Kusuma", email, subject: "Website dinas tidak bisa dibuka", message: "Sejak pagi <b>error 502</b>." },
  });
const convert = (fields: Record<string, string>) => convertContactToTicketAction(form(fields));

it("turns a message from an unknown sender into a ticket for a new Client account in the chosen OPD", async () => {
  const staff = await createUser({ role: "STAFF", departmentId });
  const admin = await createUser({ role: "ADMIN" });
  await actAs(admin);
  const m = await message("Rina.Baru@Dinkes.go.id");

  const result = await convert({ id: m.id, departmentId, agencyId });
  expect(result).toEqual({ ok: true, data: { number: expect.stringMatching(/^HD-\d{4}-\d{6,}$/), newClient: true } });

  const client = await testDb().user.findUniqueOrThrow({ where: { email: "rina.baru@dinkes.go.id" } });
  expect(client).toMatchObject({ role: "CLIENT", name: "Rina Kusuma", agencyId, active: true });
  const ticket = await testDb().ticket.findFirstOrThrow({ where: { clientId: client.id } });
  expect(ticket).toMatchObject({ subject: "Website dinas tidak bisa dibuka", description: "Sejak pagi <b>error 502</b>.", departmentId });
  expect(await testDb().contactMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
    status: "HANDLED",
    convertedTicketId: ticket.id,
    handledById: admin.id,
  });
  expect(await testDb().notification.count({ where: { ticketId: ticket.id, userId: staff.id } })).toBe(1);
});

it("files the ticket for the existing Client with the sender's e-mail, and only once", async () => {
  const client = await createUser({ role: "CLIENT", email: "budi@dishub.go.id", agencyId });
  await actAs(await createUser({ role: "SUPER_ADMIN" }));
  const m = await message("BUDI@dishub.go.id");
  const users = await testDb().user.count();

  expect(await convert({ id: m.id, departmentId })).toMatchObject({ ok: true, data: { newClient: false } });
  expect(await testDb().user.count()).toBe(users);
  expect(await testDb().ticket.count({ where: { clientId: client.id } })).toBe(1);

  expect(await convert({ id: m.id, departmentId })).toEqual({ ok: false, formError: "Pesan ini sudah dijadikan tiket." });
  expect(await testDb().ticket.count({ where: { clientId: client.id } })).toBe(1);
});

it("asks for an OPD when a new account is needed, and creates nothing without one", async () => {
  await actAs(await createUser({ role: "ADMIN" }));
  const m = await message("tanpa.opd@example.go.id");
  const [users, tickets] = [await testDb().user.count(), await testDb().ticket.count()];
  expect(await convert({ id: m.id, departmentId, agencyId: "" })).toMatchObject({
    ok: false,
    fieldErrors: { agencyId: expect.stringContaining("pilih OPD") },
  });
  expect([await testDb().user.count(), await testDb().ticket.count()]).toEqual([users, tickets]);
  expect((await testDb().contactMessage.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("NEW");
});

it("refuses when the sender's e-mail belongs to staff, and leaves the message as it was", async () => {
  await createUser({ role: "STAFF", email: "petugas@diskominfo.go.id", departmentId });
  await actAs(await createUser({ role: "ADMIN" }));
  const m = await message("petugas@diskominfo.go.id");
  const tickets = await testDb().ticket.count();
  expect(await convert({ id: m.id, departmentId, agencyId })).toMatchObject({ ok: false, formError: expect.stringContaining("bukan Client") });
  expect(await testDb().ticket.count()).toBe(tickets);
});

it("refuses an unknown department before creating any account, and leaves the message as it was", async () => {
  await actAs(await createUser({ role: "ADMIN" }));
  const m = await message("dept.salah@example.go.id");
  const result = await convert({ id: m.id, departmentId: "00000000-0000-4000-8000-000000000000", agencyId });
  expect(result).toMatchObject({ ok: false, fieldErrors: { departmentId: expect.any(String) } });
  expect(await testDb().user.count({ where: { email: "dept.salah@example.go.id" } })).toBe(0);
  expect(await testDb().contactMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "NEW", convertedTicketId: null });
});

it.each([
  ["a visitor", null, "Sesi Anda telah berakhir. Silakan login kembali."],
  ["a Client", "CLIENT", "Anda tidak memiliki akses untuk tindakan ini."],
  ["Staff", "STAFF", "Anda tidak memiliki akses untuk tindakan ini."],
] as const)("%s cannot convert a message", async (_who, role, error) => {
  await actAs(role ? await createUser({ role }) : null);
  const m = await message("siapa@example.go.id");
  const tickets = await testDb().ticket.count();
  expect(await convert({ id: m.id, departmentId, agencyId })).toEqual({ ok: false, formError: error });
  expect(await testDb().ticket.count()).toBe(tickets);
});
