-- The client's dashboard lists read their first eight rows in index order. Without these, each read
-- every ticket of the client (500 at 1,000,000 tickets) to sort a few.

-- "Menunggu jawaban Anda": the client's tickets waiting for their answer, last updated first.
CREATE INDEX "Ticket_client_waiting_updatedAt_idx" ON "Ticket" ("clientId", "updatedAt" DESC) WHERE "status" = 'WAITING';

-- "Beri penilaian": resolved or closed and not yet rated, latest first (the dashboard shows the last 30 days).
CREATE INDEX "Ticket_client_unrated_settled_idx" ON "Ticket" ("clientId", (COALESCE("resolvedAt", "closedAt")) DESC)
  WHERE "rating" IS NULL AND "status" IN ('RESOLVED', 'CLOSED');
