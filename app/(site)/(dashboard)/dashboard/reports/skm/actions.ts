"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { saveSkmReportNote } from "@/lib/dal/skm-report";
import { skmReportNoteSchema } from "@/lib/validation/skm";

/** The SKM report's analysis and "rencana tindak lanjut" for one period and scope. */
export async function saveSkmReportNoteAction(input: unknown) {
  return runAction({ schema: skmReportNoteSchema, input, permission: "settings.manage" }, async (data, user) => {
    await saveSkmReportNote(user, data);
    revalidatePath("/dashboard/reports/skm");
    return null;
  });
}
