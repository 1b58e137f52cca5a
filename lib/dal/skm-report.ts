import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { computeSkm, krejcieMorganSample, lowestElements, type SkmResult, type SkmTallies } from "@/lib/skm/compute";
import { SKM_ELEMENT_CODES, type SkmElementCode, type SkmElementSetting } from "@/lib/skm/elements";
import { periodFromKey, periodOf, periodsUpTo, type SkmPeriod } from "@/lib/skm/periods";
import { dayIn } from "@/lib/time-zone";
import { SKM_AGE_BANDS } from "@/lib/validation/skm";
import { ALL_DEPARTMENTS } from "./reports";
import { getServiceTimeZone } from "./settings";
import { getSkmSettings, questionnaireAt } from "./skm";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";

// The SKM report: every figure from one pass per question over the period's responses (GROUP BY in
// SQL, on the submittedAt indexes), then lib/skm/compute.ts turns the totals into NRR, IKM and grade.

export const SKM_SUGGESTION_PAGE_SIZE = 20;
export const SKM_TREND_PERIODS = 6;

/** The same tallies summed from the per-month totals. */
const MONTH_TALLY_COLUMNS = Prisma.raw(
  ["sum(m.\"n\")::int AS n", "sum(m.\"suggestions\")::int AS suggestions", ...SKM_ELEMENT_CODES.flatMap((c, i) => [`sum(m."s${i + 1}")::int AS "${c}s"`, `sum(m."c${i + 1}")::int AS "${c}n"`])].join(", "),
);


type TallyRow = { n: number } & Record<string, number>;
const talliesOf = (row: TallyRow | undefined): SkmTallies =>
  Object.fromEntries(SKM_ELEMENT_CODES.map((c) => [c, { sum: Number(row?.[`${c}s`] ?? 0), count: Number(row?.[`${c}n`] ?? 0) }]));

export type SkmScope = { kind: "unit" } | { kind: "department"; id: string; name: string } | { kind: "agency"; id: string; name: string };
export type SkmGroupRow = { id: string; name: string; respondents: number; served: number; sample: number; ikm: number | null; grade: SkmResult["grade"] };
export type SkmProfileRow = { dimension: "gender" | "age" | "education" | "occupation"; value: string; count: number };
export type SkmTrendRow = { key: string; respondents: number; ikm: number | null; grade: SkmResult["grade"] };
export type SkmSuggestion = { text: string; submittedAt: Date; department: string };

export type SkmReport = {
  period: SkmPeriod;
  scope: SkmScope;
  /** Staff see their own department only. */
  staffDepartment: { id: string; name: string } | null;
  elements: SkmElementSetting[];
  respondents: number;
  served: number;
  sample: number;
  result: SkmResult;
  lowest: SkmElementCode[];
  byDepartment: SkmGroupRow[];
  byAgency: SkmGroupRow[];
  profile: SkmProfileRow[];
  trend: SkmTrendRow[];
  suggestions: { rows: SkmSuggestion[]; total: number; page: number; pageSize: number };
  note: { analysis: string; followUp: string };
  noteKey: string;
};

async function staffDepartmentOf(user: SessionUser): Promise<{ id: string; name: string } | null> {
  assertCan(user, "reports.read");
  if (can(user, "tickets.seeAll")) return null;
  const [row] = await db().$queryRaw<{ id: string | null; name: string | null }[]>`
    SELECT d."id"::text AS id, d."name" FROM "User" u LEFT JOIN "Department" d ON d."id" = u."departmentId" WHERE u."id" = ${user.id}::uuid`;
  if (!row?.id) throw new UserFacingError("reports.errors.noDepartment");
  return { id: row.id, name: row.name! };
}

const responseScopeSql = (department: string | null, agency: string | null) =>
  Prisma.sql`${department ? Prisma.sql`AND r."departmentId" = ${department}::uuid` : Prisma.empty} ${agency ? Prisma.sql`AND r."agencyId" = ${agency}::uuid` : Prisma.empty}`;

/**
 * The report of one period for the whole unit, or one department or OPD. Staff always get their own
 * department (a department in the address is ignored, an OPD is cut within their department).
 */
export async function getSkmReport(
  user: SessionUser,
  input: { period?: string; department?: string; agency?: string; page?: number },
): Promise<SkmReport> {
  const staffDepartment = await staffDepartmentOf(user);
  const [settings, timeZone] = await Promise.all([getSkmSettings(), getServiceTimeZone()]);
  const period = (input.period ? periodFromKey(input.period, timeZone) : null) ?? periodOf(settings.periodKind, new Date(), timeZone);
  const department = staffDepartment?.id ?? input.department ?? null;
  const agency = input.agency ?? null;
  const where = responseScopeSql(department, agency);
  const { start, end } = period;

  let scope: SkmScope = { kind: "unit" };
  if (agency) {
    const a = await db().agency.findUnique({ where: { id: agency }, select: { id: true, name: true } });
    if (!a) throw new UserFacingError("skm.report.errors.unknownScope");
    scope = { kind: "agency", id: a.id, name: a.name };
  } else if (department) {
    const d = await db().department.findUnique({ where: { id: department }, select: { id: true, name: true } });
    if (!d) throw new UserFacingError("skm.report.errors.unknownScope");
    scope = { kind: "department", id: d.id, name: d.name };
  }

  const trendPeriods = periodsUpTo(period, SKM_TREND_PERIODS, timeZone);
  const bounds = trendPeriods.map((p) => p.end);
  const page = Math.max(1, input.page ?? 1);
  const fromDay = dayIn(timeZone, start);
  const toDay = dayIn(timeZone, new Date(end.getTime() - 1));

  // The figures come from the per-month totals the trigger keeps (SkmMonthTally, SkmMonthProfile; a period
  // is whole months of the service zone): a year is at most 12 × departments × OPDs rows, whatever the
  // number of responses. Only an OPD's profile reads its responses (on the OPD's index).
  const fromMonth = dayIn(timeZone, start);
  const toMonth = dayIn(timeZone, end);
  const trendFromMonth = dayIn(timeZone, trendPeriods[0]!.start);
  const monthWhere = Prisma.sql`${department ? Prisma.sql`AND m."departmentId" = ${department}::uuid` : Prisma.empty} ${agency ? Prisma.sql`AND m."agencyKey" = ${agency}` : Prisma.empty}`;
  const monthBuckets = Prisma.join(bounds.slice(0, -1).map((b, i) => Prisma.sql`WHEN m."month" < ${dayIn(timeZone, b)}::date THEN ${i}`), " ");
  const [questionnaire, tallyRows, profileRows, trendRows, suggestionRows, servedRows, note] = await Promise.all([
    questionnaireAt(start),
    db().$queryRaw<(TallyRow & { departmentId: string; agencyId: string | null })[]>`
      SELECT m."departmentId"::text AS "departmentId", nullif(m."agencyKey", '') AS "agencyId", ${MONTH_TALLY_COLUMNS}
      FROM "SkmMonthTally" m WHERE m."month" >= ${fromMonth}::date AND m."month" < ${toMonth}::date ${monthWhere}
      GROUP BY m."departmentId", m."agencyKey"`,
    agency
      ? db().$queryRaw<{ dim: SkmProfileRow["dimension"]; value: string; count: number }[]>`
          SELECT d.dim, d.value, count(*)::int AS count
          FROM "SkmResponse" r
          CROSS JOIN LATERAL (VALUES ('gender', coalesce(r."gender", '')), ('age', helpdesk_skm_age_band(r."age")),
                                     ('education', coalesce(r."education", '')), ('occupation', coalesce(r."occupation", ''))) AS d(dim, value)
          WHERE r."submittedAt" >= ${start} AND r."submittedAt" < ${end} ${where}
          GROUP BY 1, 2`
      : db().$queryRaw<{ dim: SkmProfileRow["dimension"]; value: string; count: number }[]>`
          SELECT m."dim", m."value", sum(m."n")::int AS count
          FROM "SkmMonthProfile" m WHERE m."month" >= ${fromMonth}::date AND m."month" < ${toMonth}::date
            ${department ? Prisma.sql`AND m."departmentId" = ${department}::uuid` : Prisma.empty}
          GROUP BY 1, 2`,
    db().$queryRaw<(TallyRow & { bucket: number })[]>`
      SELECT (CASE ${monthBuckets} ELSE ${bounds.length - 1} END)::int AS bucket, ${MONTH_TALLY_COLUMNS}
      FROM "SkmMonthTally" m WHERE m."month" >= ${trendFromMonth}::date AND m."month" < ${fromMonth}::date ${monthWhere}
      GROUP BY 1`,
    db().$queryRaw<{ text: string; submittedAt: Date; department: string }[]>`
      SELECT r."suggestion" AS text, r."submittedAt", d."name" AS department
      FROM "SkmResponse" r JOIN "Department" d ON d."id" = r."departmentId"
      WHERE r."submittedAt" >= ${start} AND r."submittedAt" < ${end} AND r."suggestion" IS NOT NULL ${where}
      ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT ${SKM_SUGGESTION_PAGE_SIZE} OFFSET ${(page - 1) * SKM_SUGGESTION_PAGE_SIZE}`,
    // People served = tickets resolved in the period, from the per-day report aggregates.
    db().$queryRaw<{ dim: string; id: string; served: number }[]>`
      SELECT dim, "dimValue" AS id, sum(resolved)::int AS served FROM "TicketStat"
      WHERE "departmentId" = ${department ?? ALL_DEPARTMENTS}::uuid AND dim IN ('department', 'agency')
        AND day BETWEEN ${fromDay}::date AND ${toDay}::date
      GROUP BY dim, "dimValue"`,
    db().skmReportNote.findUnique({ where: { key: noteKeyOf(period.key, scope) } }),
  ]);
  const sumRows = (rows: TallyRow[]): TallyRow => {
    const out: Record<string, number> = {};
    for (const row of rows) for (const [k, v] of Object.entries(row)) if (typeof v === "number") out[k] = (out[k] ?? 0) + v;
    return { n: 0, ...out } as TallyRow;
  };
  const rollUp = (key: "departmentId" | "agencyId") => {
    const groups = new Map<string, TallyRow[]>();
    for (const row of tallyRows) {
      const id = (row[key] as string | null) ?? "";
      groups.set(id, [...(groups.get(id) ?? []), row]);
    }
    return [...groups].map(([id, rows]) => ({ id, tally: sumRows(rows) }));
  };
  const totals = tallyRows.length ? sumRows(tallyRows) : undefined;
  const departmentTallies = rollUp("departmentId");
  const agencyTallies = rollUp("agencyId");
  const [departmentNames, agencyNames] = await Promise.all([
    db().department.findMany({ where: { id: { in: departmentTallies.map((r) => r.id) } }, select: { id: true, name: true } }),
    db().agency.findMany({ where: { id: { in: agencyTallies.map((r) => r.id).filter(Boolean) } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map([...departmentNames, ...agencyNames].map((r) => [r.id, r.name]));
  const byName = (a: { id: string; name: string }, b: { id: string; name: string }) => (!a.id ? 1 : !b.id ? -1 : a.name.localeCompare(b.name, "id"));
  const named = (rows: { id: string; tally: TallyRow }[]) =>
    rows.map((r) => ({ ...r.tally, id: r.id, name: r.id ? (nameOf.get(r.id) ?? "") : "" }) as unknown as TallyRow & { id: string; name: string }).sort(byName);
  const groupRows = named(departmentTallies);
  const agencyRows = named(agencyTallies);
  const suggestionCount = totals?.suggestions ?? 0;
  const enabled = questionnaire.elements.filter((e) => e.enabled).map((e) => e.code);
  const served = new Map(servedRows.map((r) => [`${r.dim}:${r.id}`, r.served]));
  const unitServed = agency ? (served.get(`agency:${agency}`) ?? 0) : servedRows.filter((r) => r.dim === "department").reduce((s, r) => s + r.served, 0);
  const result = computeSkm(talliesOf(totals), enabled);
  const groupRow = (dim: "department" | "agency") => (row: TallyRow & { id: string; name: string }): SkmGroupRow => {
    const r = computeSkm(talliesOf(row), enabled);
    const s = served.get(`${dim}:${row.id}`) ?? 0;
    return { id: row.id, name: row.name ?? "", respondents: row.n, served: s, sample: krejcieMorganSample(s), ikm: r.ikm, grade: r.grade };
  };
  const profile: SkmProfileRow[] = [];
  for (const row of profileRows) {
    const value = row.dim === "age" ? (row.value === "" ? "" : (SKM_AGE_BANDS[Number(row.value)]?.key ?? "")) : row.value;
    profile.push({ dimension: row.dim, value, count: row.count });
  }
  profile.sort((a, b) => a.dimension.localeCompare(b.dimension) || (!a.value ? 1 : !b.value ? -1 : b.count - a.count));
  const trendByBucket = new Map<number, TallyRow | undefined>(trendRows.map((r) => [r.bucket, r]));
  trendByBucket.set(trendPeriods.length - 1, totals);
  const trend = await Promise.all(
    trendPeriods.map(async (p, i) => {
      const row = trendByBucket.get(i);
      const q = i === trendPeriods.length - 1 ? questionnaire : await questionnaireAt(p.start);
      const r = computeSkm(talliesOf(row), q.elements.filter((e) => e.enabled).map((e) => e.code));
      return { key: p.key, respondents: row?.n ?? 0, ikm: r.ikm, grade: r.grade };
    }),
  );

  return {
    period,
    scope,
    staffDepartment,
    elements: questionnaire.elements,
    respondents: totals?.n ?? 0,
    served: unitServed,
    sample: krejcieMorganSample(unitServed),
    result,
    lowest: lowestElements(result, 3),
    byDepartment: groupRows.map(groupRow("department")),
    byAgency: agencyRows.map(groupRow("agency")),
    profile,
    trend,
    suggestions: { rows: suggestionRows, total: suggestionCount, page, pageSize: SKM_SUGGESTION_PAGE_SIZE },
    note: { analysis: note?.analysis ?? "", followUp: note?.followUp ?? "" },
    noteKey: noteKeyOf(period.key, scope),
  };
}

export function noteKeyOf(periodKey: string, scope: SkmScope | string): string {
  const s = typeof scope === "string" ? scope : scope.kind === "unit" ? "unit" : `${scope.kind}:${scope.id}`;
  return `${periodKey}:${s}`;
}

/** The report's own words (analysis, rencana tindak lanjut) for one period and scope: the unit's managers write them. */
export async function saveSkmReportNote(actor: SessionUser, input: { period: string; scope: string; analysis: string; followUp: string }): Promise<void> {
  assertCan(actor, "settings.manage");
  const key = noteKeyOf(input.period, input.scope);
  await db().$transaction(async (tx) => {
    const before = await tx.skmReportNote.findUnique({ where: { key } });
    await tx.skmReportNote.upsert({
      where: { key },
      create: { key, analysis: input.analysis, followUp: input.followUp, updatedById: actor.id },
      update: { analysis: input.analysis, followUp: input.followUp, updatedById: actor.id },
    });
    await recordAudit(tx, { actor, action: "skm.reportNote", target: key, before: before ? { analysis: before.analysis, followUp: before.followUp } : null, after: { analysis: input.analysis, followUp: input.followUp } });
  });
}

/** Raw answers of a period for the spreadsheet, in keyset batches (no names: ticket department, OPD, answers, profile). */
export async function* skmAnswerBatches(user: SessionUser, input: { period: SkmPeriod; department?: string; agency?: string }, batch = 2000) {
  const staffDepartment = await staffDepartmentOf(user);
  const where = responseScopeSql(staffDepartment?.id ?? input.department ?? null, input.agency ?? null);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows: SkmAnswerRow[] = await db().$queryRaw<SkmAnswerRow[]>`
      SELECT r."id"::text AS id, r."submittedAt", d."name" AS department, coalesce(a."name", '') AS agency, r."channel",
             r."u1", r."u2", r."u3", r."u4", r."u5", r."u6", r."u7", r."u8", r."u9", r."gender", r."age", r."education", r."occupation", r."suggestion"
      FROM "SkmResponse" r JOIN "Department" d ON d."id" = r."departmentId" LEFT JOIN "Agency" a ON a."id" = r."agencyId"
      WHERE r."submittedAt" >= ${input.period.start} AND r."submittedAt" < ${input.period.end} ${where}
        ${after ? Prisma.sql`AND (r."submittedAt", r."id") > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY r."submittedAt", r."id" LIMIT ${batch}`;
    if (!rows.length) return;
    yield rows;
    if (rows.length < batch) return;
    const last: SkmAnswerRow = rows[rows.length - 1]!;
    after = { at: last.submittedAt, id: last.id };
  }
}
export type SkmAnswerRow = {
  id: string;
  submittedAt: Date;
  department: string;
  agency: string;
  channel: string;
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
} & Record<SkmElementCode, number | null>;

/** The public page: the latest periods' IKM and grade for the unit and per department (only when Settings → SKM turns it on). */
export async function getPublicSkm(count = 4): Promise<{ periods: { key: string; unit: SkmTrendRow; departments: SkmGroupRow[] }[] } | null> {
  const settings = await getSkmSettings();
  if (!settings.publicPage) return null;
  const timeZone = await getServiceTimeZone();
  const periods = periodsUpTo(periodOf(settings.periodKind, new Date(), timeZone), count, timeZone).reverse();
  const out = [];
  for (const p of periods) {
    const q = await questionnaireAt(p.start);
    const enabled = q.elements.filter((e) => e.enabled).map((e) => e.code);
    const rows = await db().$queryRaw<(TallyRow & { id: string; name: string })[]>`
      SELECT m."departmentId"::text AS id, min(d."name") AS name, ${MONTH_TALLY_COLUMNS}
      FROM "SkmMonthTally" m JOIN "Department" d ON d."id" = m."departmentId"
      WHERE m."month" >= ${dayIn(timeZone, p.start)}::date AND m."month" < ${dayIn(timeZone, p.end)}::date
      GROUP BY m."departmentId" ORDER BY 2`;
    const all: SkmTallies = {};
    for (const row of rows) for (const [c, t] of Object.entries(talliesOf(row))) {
      const a = (all[c as SkmElementCode] ??= { sum: 0, count: 0 });
      a.sum += t!.sum;
      a.count += t!.count;
    }
    const unit = computeSkm(all, enabled);
    out.push({
      key: p.key,
      unit: { key: p.key, respondents: rows.reduce((s, r) => s + r.n, 0), ikm: unit.ikm, grade: unit.grade },
      departments: rows.map((row) => {
        const r = computeSkm(talliesOf(row), enabled);
        return { id: row.id, name: row.name, respondents: row.n, served: 0, sample: 0, ikm: r.ikm, grade: r.grade };
      }),
    });
  }
  return { periods: out };
}
