-- CreateTable
CREATE TABLE "Faq" (
    "id" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Faq_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Faq_published_departmentId_idx" ON "Faq"("published", "departmentId");

-- CreateIndex
CREATE INDEX "Faq_createdAt_idx" ON "Faq"("createdAt");

-- CreateIndex
CREATE INDEX "Department_active_name_idx" ON "Department"("active", "name");

-- CreateIndex
CREATE INDEX "Agency_active_name_idx" ON "Agency"("active", "name");

-- AddForeignKey
ALTER TABLE "Faq" ADD CONSTRAINT "Faq_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search for the public FAQ page and the ticket form's suggestions
-- (searchPublishedFaqs in lib/dal/faq.ts queries exactly this expression).
CREATE INDEX "Faq_search_idx" ON "Faq" USING GIN (to_tsvector('simple', "subject" || ' ' || "description"));
