-- Issue 12: the list's "last updated" and "priority" sorts read an index in their order. Without one
-- each page sorted every ticket (770 ms and 330 ms at a million tickets, 1–2 s under load).
CREATE INDEX "Ticket_updatedAt_id_idx" ON "Ticket"("updatedAt" DESC, "id" DESC);
CREATE INDEX "Ticket_priority_createdAt_id_idx" ON "Ticket"("priority" DESC, "createdAt" DESC, "id" DESC);
