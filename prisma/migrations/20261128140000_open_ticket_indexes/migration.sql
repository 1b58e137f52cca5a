-- Issue 12 (measured with pg_stat_statements at 1,000,000 tickets): the staff dashboard's two lists
-- walked the department / assignee indexes through years of closed tickets (82–108 ms each). These
-- partial indexes hold only open tickets, so each list reads its few rows in index order.

-- "Assigned to me": running clocks soonest first, then the oldest.
CREATE INDEX "Ticket_assignee_open_due_idx" ON "Ticket" ("assigneeId", "slaNextDueAt" ASC NULLS LAST, "createdAt")
  WHERE "status" IN ('OPEN', 'IN_PROGRESS', 'WAITING');

-- "Unassigned in my department": the oldest first.
CREATE INDEX "Ticket_department_unassigned_open_idx" ON "Ticket" ("departmentId", "createdAt")
  WHERE "assigneeId" IS NULL AND "status" IN ('OPEN', 'IN_PROGRESS', 'WAITING');
