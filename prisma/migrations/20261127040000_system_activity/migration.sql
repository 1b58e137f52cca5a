-- The system (auto-closing resolved tickets) records history without a user.
ALTER TABLE "TicketActivity" ALTER COLUMN "actorId" DROP NOT NULL;
