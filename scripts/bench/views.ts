/** What the rotations visit: 1,000 random tickets, 200+ list views and the service-level views. */
import pg from "pg";
import { dbUrl } from "./config";

export async function lookups() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const q = async <T,>(sql: string) => (await c.query(sql)).rows as T[];
  const depts = (await q<{ id: string }>(`SELECT id FROM "Department" ORDER BY name`)).map((r) => r.id);
  const agencies = (await q<{ id: string }>(`SELECT id FROM "Agency" ORDER BY name LIMIT 10`)).map((r) => r.id);
  const staff = (await q<{ id: string }>(`SELECT id FROM "User" WHERE role = 'STAFF' ORDER BY name LIMIT 10`)).map((r) => r.id);
  const tickets = await q<{ id: string; number: string }>(`SELECT id, number FROM "Ticket" ORDER BY random() LIMIT 1000`);
  const [client1] = await q<{ id: string }>(`SELECT id FROM "User" WHERE username = 'client1'`);
  const ownTickets = await q<{ id: string }>(`SELECT id FROM "Ticket" WHERE "clientId" = '${client1!.id}' ORDER BY "createdAt" DESC LIMIT 50`);
  await c.end();
  return { depts, agencies, staff, tickets, ownTickets: ownTickets.map((r) => r.id) };
}
export type Lookups = Awaited<ReturnType<typeof lookups>>;

/** 200+ different list views an office would open: pages, tabs, filters, common and rare words. */
export function listViews(l: Lookups): string[] {
  const views = new Set<string>();
  const statuses = ["", "OPEN", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"];
  for (let p = 1; p <= 10; p++) for (const s of statuses) views.add(`?${new URLSearchParams({ ...(s && { status: s }), ...(p > 1 && { page: String(p) }) })}`);
  for (const d of l.depts) for (const s of ["", "OPEN", "WAITING"]) views.add(`?${new URLSearchParams({ departmentId: d, ...(s && { status: s }) })}`);
  for (const a of l.agencies) views.add(`?agencyId=${a}`);
  for (const s of l.staff) views.add(`?assignee=${s}`);
  for (const pr of ["LOW", "NORMAL", "HIGH", "URGENT"]) for (const s of statuses.slice(0, 3)) views.add(`?${new URLSearchParams({ priority: pr, ...(s && { status: s }) })}`);
  const common = ["internet", "server", "website", "aplikasi", "bandwidth"];
  for (const w of common) {
    views.add(`?q=${w}`);
    for (const d of l.depts.slice(0, 6)) views.add(`?${new URLSearchParams({ q: w, departmentId: d, status: "OPEN", priority: "HIGH" })}`);
  }
  for (let k = 0; k < 20; k++) views.add(`?q=${100_000 + k * 7919}`); // rare: a ticket's own number in its subject
  for (const sort of ["oldest", "updated", "priority"]) views.add(`?sort=${sort}`);
  return [...views].map((v) => `/dashboard/tickets${v === "?" ? "" : v}`);
}

/** The service-level views: Terlambat, Segera jatuh tempo and the due-time sort, overall, per department, in pages. */
export function slaViews(l: Lookups): string[] {
  const views: string[] = [];
  for (const v of ["sla=overdue", "sla=dueSoon", "sort=due"]) {
    for (let p = 1; p <= 5; p++) views.push(`?${v}${p > 1 ? `&page=${p}` : ""}`);
    for (const d of l.depts) views.push(`?${v}&departmentId=${d}`);
  }
  return views.map((v) => `/dashboard/tickets${v}`);
}
