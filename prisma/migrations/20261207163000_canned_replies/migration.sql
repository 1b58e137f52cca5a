-- Balasan cepat (canned replies): global (departmentId NULL) or one department's, with optional files.
CREATE TABLE "CannedReply" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "departmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CannedReplyAttachment" (
    "id" UUID NOT NULL,
    "cannedReplyId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "driver" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CannedReplyAttachment_pkey" PRIMARY KEY ("id")
);

-- The admin list (by title) and the reply box's menu (global + one department, by title).
CREATE INDEX "CannedReply_title_id_idx" ON "CannedReply"("title", "id");
CREATE INDEX "CannedReply_departmentId_title_idx" ON "CannedReply"("departmentId", "title");
CREATE INDEX "CannedReplyAttachment_cannedReplyId_idx" ON "CannedReplyAttachment"("cannedReplyId");

ALTER TABLE "CannedReply" ADD CONSTRAINT "CannedReply_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CannedReplyAttachment" ADD CONSTRAINT "CannedReplyAttachment_cannedReplyId_fkey" FOREIGN KEY ("cannedReplyId") REFERENCES "CannedReply"("id") ON DELETE CASCADE ON UPDATE CASCADE;
