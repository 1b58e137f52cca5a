import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { GET as exportSkm } from "@/app/api/reports/skm/export/route";
import { createTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { submitSkmForTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/skm-actions";
import { submitSkmByTokenAction } from "@/app/(site)/(public)/survei/actions";
import { saveSkmQuestionnaireAction, saveSkmSettingsAction } from "@/app/(site)/(dashboard)/dashboard/settings/skm/actions";
import { saveSkmReportNoteAction } from "@/app/(site)/(dashboard)/dashboard/reports/skm/actions";
import { skmOfferForTicket, skmOfferForToken } from "@/lib/dal/skm";
import { getSkmReport } from "@/lib/dal/skm-report";
import { DEFAULT_SKM_ELEMENTS } from "@/lib/skm/elements";
import { closeMailTransport, drainOutbox } from "@/lib/mail/worker";
import { DEFAULT_SKM_SETTINGS } from "@/lib/validation/skm";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, ticketForm, withTempDataDir } from "./helpers/tickets";
import { startTestSmtp, type TestSmtp } from "./helpers/mail";

withTempDataDir();
let world: Awaited<ReturnType<typeof createWorld>>;
let smtp: TestSmtp;
beforeAll(async () => {
  world = await createWorld();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});
beforeEach(async () => {
  await testDb().emailOutbox.deleteMany();
  smtp.accepted.length = 0;
});

const ALL4 = { u1: "4", u2: "4", u3: "3", u4: "4", u5: "4", u6: "4", u7: "4", u8: "3", u9: "4" };

async function fileTicket(subject = "Internet OPD mati", client = world.client) {
  await actAs(client);
  const r = await createTicketAction(ticketForm({ departmentId: world.deptA.id, subject, description: "Sejak pagi tidak ada koneksi." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

async function resolve(ticketId: string) {
  await actAs(world.staffA);
  const r = await updateTicketAction({ ticketId, status: "RESOLVED" });
  if (!r.ok) throw new Error(JSON.stringify(r));
}

/** The survey link the client received, from the real SMTP server. */
async function mailedLink(ticketNumber: string): Promise<string> {
  await drainOutbox({ smtp: smtp.smtp });
  const mail = smtp.to(world.client.email).find((m) => m.subject?.includes(ticketNumber) && m.text?.includes("/survei/"));
  const link = /https?:\/\/\S+\/survei\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  if (!link) throw new Error("no survey mail");
  return link[1]!;
}

it("resolving a ticket mails its client a one-time survey link; only the token's hash is stored", async () => {
  const ticket = await fileTicket();
  await resolve(ticket.id);
  const rows = await testDb().emailOutbox.findMany({ where: { ticketId: ticket.id, kind: "skmInvite" } });
  expect(rows.map((r) => r.toAddress)).toEqual([world.client.email]);
  const token = await mailedLink(ticket.number);
  const invite = await testDb().skmInvite.findUniqueOrThrow({ where: { ticketId: ticket.id } });
  expect(invite.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
  // Neither the outbox row nor the invite holds the token itself.
  expect(JSON.stringify(rows[0]!.payload)).not.toContain(token);
  expect(JSON.stringify(invite)).not.toContain(token);
  expect((await skmOfferForToken(token, "id")).state).toBe("open");
});

it("the link's form: a value outside 1–4 is a field message and stores nothing; a good answer counts once; the link then says so", async () => {
  const ticket = await fileTicket("Website lambat");
  await resolve(ticket.id);
  const token = await mailedLink(ticket.number);
  await actAs(null); // no login

  const bad = await submitSkmByTokenAction({ token, ...ALL4, u1: "5" });
  expect(bad).toMatchObject({ ok: false, fieldErrors: { u1: expect.stringMatching(/4/) } });
  expect(await testDb().skmResponse.count({ where: { ticketId: ticket.id } })).toBe(0);

  const none = await submitSkmByTokenAction({ token });
  expect(none).toMatchObject({ ok: false, formError: "Beri nilai paling sedikit satu pertanyaan." });

  const ok = await submitSkmByTokenAction({ token, ...ALL4, gender: "P", age: "34", education: "D4-S1", occupation: "PNS", suggestion: "Pertahankan." });
  expect(ok).toEqual({ ok: true, data: null });
  const stored = await testDb().skmResponse.findUniqueOrThrow({ where: { ticketId: ticket.id } });
  expect(stored).toMatchObject({ channel: "email", u1: 4, u3: 3, u8: 3, gender: "P", age: 34, departmentId: world.deptA.id, agencyId: world.opdA.id });

  const again = await submitSkmByTokenAction({ token, ...ALL4 });
  expect(again).toMatchObject({ ok: false, formError: "Survei untuk tiket ini sudah diisi; setiap tiket hanya dinilai satu kali." });
  expect((await skmOfferForToken(token, "id")).state).toBe("answered");
  // The ticket page says it is answered and refuses a second response too.
  await actAs(world.client);
  expect((await submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })).ok).toBe(false);
  expect(await testDb().skmResponse.count({ where: { ticketId: ticket.id } })).toBe(1);
});

it("an expired, unknown or reopened ticket's link explains itself and stores nothing", async () => {
  const ticket = await fileTicket("Server down");
  await resolve(ticket.id);
  const token = await mailedLink(ticket.number);
  await testDb().skmInvite.update({ where: { ticketId: ticket.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await skmOfferForToken(token, "id")).state).toBe("expired");
  await actAs(null);
  expect(await submitSkmByTokenAction({ token, ...ALL4 })).toMatchObject({ ok: false, formError: "Tautan survei ini sudah kedaluwarsa." });
  expect((await skmOfferForToken("x".repeat(43), "id")).state).toBe("invalid");
  expect(await submitSkmByTokenAction({ token: "x".repeat(43), ...ALL4 })).toMatchObject({ ok: false, formError: "Tautan survei ini tidak dikenal." });

  await testDb().skmInvite.update({ where: { ticketId: ticket.id }, data: { expiresAt: new Date(Date.now() + 86400_000) } });
  await actAs(world.staffA);
  expect((await updateTicketAction({ ticketId: ticket.id, status: "OPEN" })).ok).toBe(true);
  expect((await skmOfferForToken(token, "id")).state).toBe("notResolved");
  expect(await testDb().skmResponse.count({ where: { ticketId: ticket.id } })).toBe(0);
});

it("on the ticket page only the ticket's client may answer, once resolved; two submits at once count once", async () => {
  const ticket = await fileTicket("Email penuh");
  await actAs(world.client);
  expect(await submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })).toMatchObject({ ok: false, formError: "Tiket ini belum selesai, jadi belum dapat dinilai." });
  await resolve(ticket.id);

  await actAs(world.staffA);
  expect(await submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })).toMatchObject({ ok: false });
  await actAs(world.otherClient);
  expect(await submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })).toMatchObject({ ok: false });
  await actAs(null);
  expect(await submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })).toMatchObject({ ok: false });
  expect(await testDb().skmResponse.count({ where: { ticketId: ticket.id } })).toBe(0);

  await actAs(world.client);
  const client = await sessionUserOf(world.client);
  expect((await skmOfferForTicket(client, ticket.id, "en")).state).toBe("open");
  const results = await Promise.all([submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 }), submitSkmForTicketAction({ ticketId: ticket.id, ...ALL4 })]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(await testDb().skmResponse.count({ where: { ticketId: ticket.id } })).toBe(1);
  expect((await skmOfferForTicket(client, ticket.id, "id")).state).toBe("answered");
});

it("the report: respondents, NRR, IKM and grade from SQL; Staff see their own department; Clients none", async () => {
  const admin = await sessionUserOf(world.admin);
  const report = await getSkmReport(admin, {});
  // Two responses so far, both 4,4,3,4,4,4,4,3,4 → NRR 4,4,3,4,4,4,4,3,4; Σ = 34; ÷ 9 × 25 = 94.44 → A.
  expect(report.respondents).toBe(2);
  expect(report.result.ikm).toBe(94.44);
  expect(report.result.grade).toBe("A");
  expect(report.lowest.slice(0, 2)).toEqual(["u3", "u8"]);
  expect(report.byDepartment).toEqual([expect.objectContaining({ id: world.deptA.id, respondents: 2, ikm: 94.44 })]);
  expect(report.suggestions.rows.map((s) => s.text)).toEqual(["Pertahankan."]);
  expect(report.profile).toEqual(expect.arrayContaining([{ dimension: "gender", value: "P", count: 1 }, { dimension: "age", value: "25to34", count: 1 }]));
  expect(report.served).toBeGreaterThanOrEqual(2);
  expect(report.trend.at(-1)).toMatchObject({ key: report.period.key, respondents: 2, ikm: 94.44 });
  // The per-month totals the trigger kept are what a recount from the responses gives.
  const kept = await testDb().$queryRaw`SELECT * FROM "SkmMonthTally" ORDER BY 1, 2, 3`;
  await testDb().$executeRaw`SELECT helpdesk_skm_stat_rebuild()`;
  expect(await testDb().$queryRaw`SELECT * FROM "SkmMonthTally" ORDER BY 1, 2, 3`).toEqual(kept);
  expect((await getSkmReport(admin, {})).result.ikm).toBe(94.44);

  const staffB = await sessionUserOf(world.staffB);
  const other = await getSkmReport(staffB, { department: world.deptA.id });
  expect(other.scope).toMatchObject({ kind: "department", id: world.deptB.id });
  expect(other.respondents).toBe(0);
  await expect(getSkmReport(await sessionUserOf(world.client), {})).rejects.toThrow();
});

it("Settings → SKM: elements turned off or reworded reach only the next period once this one has answers; invitations can be turned off", async () => {
  const elements = DEFAULT_SKM_ELEMENTS.map((e) => (e.code === "u4" ? { ...e, enabled: false } : e));
  await actAs(world.staffA);
  expect((await saveSkmQuestionnaireAction({ elements })).ok).toBe(false);
  await actAs(world.admin);
  const saved = await saveSkmQuestionnaireAction({ elements });
  expect(saved.ok).toBe(true);
  const version = await testDb().skmQuestionnaire.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  expect(version.effectiveFrom.getTime()).toBeGreaterThan(Date.now()); // this period already has answers
  const client = await sessionUserOf(world.client);
  const ticket = await fileTicket("Aplikasi error");
  await resolve(ticket.id);
  const offer = await skmOfferForTicket(client, ticket.id, "id");
  expect(offer.state === "open" && offer.form.elements.length).toBe(9);

  await actAs(world.admin);

  expect((await saveSkmQuestionnaireAction({ elements: elements.map((e) => ({ ...e, enabled: false })) })).ok).toBe(false);
  expect((await saveSkmSettingsAction({ ...DEFAULT_SKM_SETTINGS, linkDays: "0" })).ok).toBe(false);
  expect((await saveSkmSettingsAction({ ...DEFAULT_SKM_SETTINGS, invite: false })).ok).toBe(true);
  const quiet = await fileTicket("Printer");
  await resolve(quiet.id);
  expect(await testDb().emailOutbox.count({ where: { ticketId: quiet.id, kind: "skmInvite" } })).toBe(0);
  await actAs(world.admin);
  await saveSkmSettingsAction(DEFAULT_SKM_SETTINGS);

  const period = (await getSkmReport(await sessionUserOf(world.admin), {})).period.key;
  expect((await saveSkmReportNoteAction({ period, scope: "unit", analysis: "Waktu penyelesaian terendah.", followUp: "Tambah petugas jaga." })).ok).toBe(true);
  expect((await getSkmReport(await sessionUserOf(world.admin), {})).note.followUp).toBe("Tambah petugas jaga.");
  await actAs(world.staffA);
  expect((await saveSkmReportNoteAction({ period, scope: "unit", analysis: "", followUp: "x" })).ok).toBe(false);
});

it("the spreadsheet: figures and raw answers without names; a Client gets 404, a visitor 401", async () => {
  await actAs(world.client);
  expect((await exportSkm(new Request("http://localhost/api/reports/skm/export"))).status).toBe(404);
  await actAs(null);
  expect((await exportSkm(new Request("http://localhost/api/reports/skm/export"))).status).toBe(401);
  await actAs(world.admin);
  expect((await exportSkm(new Request("http://localhost/api/reports/skm/export?period=2026-S9"))).status).toBe(400);
  const res = await exportSkm(new Request("http://localhost/api/reports/skm/export"));
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  expect(book.worksheets.map((w) => w.name)).toEqual(["Hasil", "Jawaban"]);
  const figures = book.getWorksheet("Hasil")!;
  const ikmRow = figures.getRows(1, figures.rowCount)!.find((r) => r.getCell(1).value === "IKM");
  expect(ikmRow?.getCell(2).value).toBe(94.44);
  const answers = book.getWorksheet("Jawaban")!;
  expect(answers.rowCount).toBe(3); // header + the two responses of this period
  const text = JSON.stringify(answers.getSheetValues());
  expect(text).toContain("Pertahankan.");
  expect(text).not.toContain(world.client.name);
  expect(text).not.toContain("HD-");
});
