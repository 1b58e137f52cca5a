import type { ReportGroup } from "@/lib/validation/reports";

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** The name of a report group: translated for priorities, channels and "none"; the stored name otherwise. */
export function groupLabel(t: Translate, groupBy: ReportGroup, row: { key: string; name: string | null }): string {
  if (groupBy === "priority") return t(`tickets.priority.${row.key}`);
  if (groupBy === "channel") return t(`reports.channel.${row.key}`);
  if (row.key === "") return t(`reports.none.${groupBy}`);
  return row.name ?? row.key;
}
